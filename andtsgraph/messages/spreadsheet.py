"""Texts of the plan template: the import's problems, its log, and the template commands."""

MESSAGES = {
    # -- where a problem is ------------------------------------------------------------------
    "spreadsheet.where_row": {"sv": "{sheet} rad {row}", "en": "{sheet} row {row}"},
    "spreadsheet.where_cell": {
        "sv": "{sheet} rad {row}, kolumn {column}",
        "en": "{sheet} row {row}, column {column}",
    },
    "spreadsheet.problem_at": {"sv": "{where}: {message}", "en": "{where}: {message}"},
    "spreadsheet.place_sheet": {"sv": "{sheet}", "en": "{sheet}"},
    "spreadsheet.place_row": {"sv": "rad {row}", "en": "row {row}"},
    "spreadsheet.place_column": {"sv": "kolumn {column}", "en": "column {column}"},
    "spreadsheet.problems": {
        "sv": (
            "andtsgraph: {n} problem i {path}; inget skrevs",
            "andtsgraph: {n} problem i {path}; inget skrevs",
        ),
        "en": (
            "andtsgraph: {n} problem in {path}; nothing written",
            "andtsgraph: {n} problems in {path}; nothing written",
        ),
    },
    # -- actors ---------------------------------------------------------------------------------
    "spreadsheet.no_publisher": {
        "sv": "{sheet}: fältet Utgivare är tomt; planens egna nya aktörer placeras under planens id i stället för under kommunen eller regionen",
        "en": "{sheet}: the field Utgivare (publisher) is empty; the plan's own new actors are placed under the plan's id instead of under its municipality or region",
    },
    "spreadsheet.actor_no_name": {"sv": "aktören saknar namn", "en": "the actor has no name"},
    "spreadsheet.actor_twice": {
        "sv": "aktören {name!r} står två gånger",
        "en": "the actor {name!r} is listed twice",
    },
    "spreadsheet.actor_duplicate_id": {
        "sv": "aktörens id finns redan på {sheet} rad {row}",
        "en": "duplicate actor id: {sheet} row {row} has it too",
    },
    "spreadsheet.actor_rename": {
        "sv": "{id} är aktören {label!r} i aktörsregistret; en inläsning kan inte byta dess namn till {name!r}. Lämna ID tomt för en ny aktör, eller ta bort raden",
        "en": "{id} is the registry actor {label!r}; an import cannot rename it to {name!r}. Leave ID empty for a new actor, or remove the row",
    },
    "spreadsheet.actor_retype": {
        "sv": "{id} är aktören {label!r} i aktörsregistret; en inläsning kan inte ändra dess typ till {kind!r}. Ta bort typen eller raden",
        "en": "{id} is the registry actor {label!r}; an import cannot change its type to {kind!r}. Remove the type or the row",
    },
    "spreadsheet.actor_row_not_needed": {
        "sv": "{sheet} rad {row}: {label!r} finns redan i aktörsregistret; raden behövs inte och lästes inte in",
        "en": "{sheet} row {row}: {label!r} is already in the actor registry; the row is not needed and was not read",
    },
    "spreadsheet.actor_parent_elsewhere": {
        "sv": "{name!r} hör till {owner}, inte till den här planens organisation; en aktör kan inte ingå i en annan organisations organ",
        "en": "{name!r} belongs to {owner}, not to this plan's organisation; an actor cannot be part of another organisation's body",
    },
    "spreadsheet.actor_parent_itself": {
        "sv": "aktören kan inte ingå i sig själv ({name!r})",
        "en": "the actor cannot be part of itself ({name!r})",
    },
    "spreadsheet.cycle": {
        "sv": "Ingår i går runt i en cirkel: {path}",
        "en": "Ingår i (part of) goes round in a circle: {path}",
    },
    # -- the Plan sheet -------------------------------------------------------------------------
    "spreadsheet.plan_field_twice": {
        "sv": "fältet {field} står redan på rad {row}; planen har bara ett {field}",
        "en": "the field {field} is already on row {row}; the plan has one {field} only",
    },
    "spreadsheet.plan_no_title": {
        "sv": "fältet Titel (title) krävs: planens titel som den står på framsidan",
        "en": "the field Titel (title) is required: the plan's title as its cover prints it",
    },
    # -- rows -----------------------------------------------------------------------------------
    "spreadsheet.parent_elsewhere": {
        "sv": "{ref!r} hör till en annan plan ({plan}); Ingår i pekar på en rad i den här mallen",
        "en": "{ref!r} belongs to another plan ({plan}); Ingår i (part of) points at a row of this template",
    },
    "spreadsheet.page_below_one": {
        "sv": "sidnumret {page} är mindre än 1",
        "en": "page number {page} is below 1",
    },
    "spreadsheet.excel_date": {
        "sv": "Excel har gjort om cellen till datumet {date}; stod det {guess}? Formatera kolumnen som Text och skriv värdet igen",
        "en": "Excel turned the cell into the date {date}; did it say {guess}? Format the column as Text and type the value again",
    },
    "spreadsheet.or": {"sv": "eller", "en": "or"},
    "spreadsheet.merged": {
        "sv": "sammanfogade celler ({range}); dela upp dem och skriv värdet i varje cell",
        "en": "merged cells ({range}); unmerge them and write the value in each cell",
    },
    "spreadsheet.formula": {
        "sv": "formeln {formula} har inget sparat värde; öppna och spara filen i Excel, eller skriv värdet",
        "en": "the formula {formula} has no stored value; open and save the file in Excel, or type the value",
    },
    # -- the log --------------------------------------------------------------------------------
    "spreadsheet.log_title": {
        "sv": "Inläsning av {path} (planen {plan}, {owner})",
        "en": "Import of {path} (plan {plan}, {owner})",
    },
    "spreadsheet.log_actors": {
        "sv": ("Aktörer ({n} namn):", "Aktörer ({n} namn):"),
        "en": ("Actors ({n} name):", "Actors ({n} names):"),
    },
    "spreadsheet.log_actor_shared": {
        "sv": "  {name} → {label} (delad aktör)",
        "en": "  {name} → {label} (shared actor)",
    },
    "spreadsheet.log_actor_own": {
        "sv": "  {name} → {label} ({owner})",
        "en": "  {name} → {label} ({owner})",
    },
    "spreadsheet.log_actor_ref": {
        "sv": "  {name} → {label} (angiven med IRI)",
        "en": "  {name} → {label} (given by IRI)",
    },
    "spreadsheet.log_actor_new": {
        "sv": "  {name} → ny aktör i {owner} ({iri})",
        "en": "  {name} → new actor of {owner} ({iri})",
    },
    "spreadsheet.log_actor_shared_new": {
        "sv": "  {name} → ny delad aktör ({iri})",
        "en": "  {name} → new shared actor ({iri})",
    },
    "spreadsheet.log_not_matched": {
        "sv": "      inte matchad mot {others}: de hör till en annan organisation",
        "en": "      not matched to {others}: they belong to another organisation",
    },
    "spreadsheet.log_suggestion": {
        "sv": "      {name} — menade du {suggestion}?",
        "en": "      {name} — did you mean {suggestion}?",
    },
    "spreadsheet.log_concepts": {
        "sv": ("Nya begrepp ({n}):", "Nya begrepp ({n}):"),
        "en": ("New concepts ({n}):", "New concepts ({n}):"),
    },
    "spreadsheet.log_concept": {
        "sv": "  {name} → ny metod i planen ({iri}), {where}",
        "en": "  {name} → new method of the plan ({iri}), {where}",
    },
    "spreadsheet.log_targets": {
        "sv": ("Målvärden lästa ur text ({n}):", "Målvärden lästa ur text ({n}):"),
        "en": ("Targets read from text ({n}):", "Targets read from text ({n}):"),
    },
    "spreadsheet.log_target": {"sv": "  {where}: {target}", "en": "  {where}: {target}"},
    "spreadsheet.log_warnings": {
        "sv": ("Varning ({n}):", "Varningar ({n}):"),
        "en": ("Warning ({n}):", "Warnings ({n}):"),
    },
    "spreadsheet.log_item": {"sv": "  {text}", "en": "  {text}"},
    "spreadsheet.wrote_plan": {
        "sv": "skrev {path}: planen {plan}, {goals}, {areas}, {activities}, {indicators}, {links} ({triples})",
        "en": "wrote {path}: plan {plan}, {goals}, {areas}, {activities}, {indicators}, {links} ({triples})",
    },
    "spreadsheet.wrote_links": {
        "sv": "skrev {path}: {links}",
        "en": "wrote {path}: {links}",
    },
    "spreadsheet.links_need_a_home": {
        "sv": "planen har {links}, som inte får plats i en {suffix}-fil med planen: skriv -o {trig} (plan och kopplingar i en fil) eller ange en andra fil med --links",
        "en": "the plan has {links}, which a {suffix} file cannot hold beside the plan: write -o {trig} (plan and links in one file) or name a second file with --links",
    },
    "spreadsheet.same_output": {
        "sv": "-o och --links är samma fil ({path}); planen och kopplingarna kan inte skrivas till en och samma fil så",
        "en": "-o and --links are the same file ({path}); the plan and its links cannot both be written there",
    },
    "spreadsheet.output_is_input": {
        "sv": "{path} är mallen som läses in; den skrivs aldrig över",
        "en": "{path} is the template being read; it is never overwritten",
    },
    "spreadsheet.wrote_template": {
        "sv": "skrev {path}: en tom planmall; fyll i den och kör sedan: andtsgraph import {path} -o plan.trig",
        "en": "wrote {path}: an empty plan template; fill it in, then: andtsgraph import {path} -o plan.trig",
    },
}
