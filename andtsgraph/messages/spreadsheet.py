"""Texts of the plan template: the import's problems, its log, and the template commands."""

__all__ = ["MESSAGES"]

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
    "spreadsheet.problems_not_loaded": {
        "sv": (
            "andtsgraph: {n} problem i {path}; planen lästes inte in",
            "andtsgraph: {n} problem i {path}; planen lästes inte in",
        ),
        "en": (
            "andtsgraph: {n} problem in {path}; the plan was not loaded",
            "andtsgraph: {n} problems in {path}; the plan was not loaded",
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
    # -- cell values (values.py) ----------------------------------------------------------------
    "spreadsheet.not_a_ref": {
        "sv": "{text!r} är varken ett id, ett prefixat namn (prefix:namn) eller en IRI; id skrivs med bokstäver, siffror, '.', '_' och '-'",
        "en": "{text!r} is not an id, a prefixed name (prefix:name) or an IRI; ids use letters, digits, '.', '_' and '-'",
    },
    "spreadsheet.not_an_actor": {
        "sv": "{text} är ingen aktör i aktörsregistret eller på planens blad Aktörer",
        "en": "{text} is not an actor of the registry or of this plan's Aktörer sheet",
    },
    "spreadsheet.actor_ambiguous": {
        "sv": "aktören {text!r} är tvetydig: det kan vara {options}; skriv den du menar",
        "en": "actor {text!r} is ambiguous: it could be {options}; write the one you mean",
    },
    "spreadsheet.not_an_iri": {
        "sv": "{text!r} är ingen giltig IRI",
        "en": "{text!r} is not a valid IRI",
    },
    "spreadsheet.not_whole": {
        "sv": "{text!r} är inget heltal",
        "en": "{text!r} is not a whole number",
    },
    "spreadsheet.not_a_number": {
        "sv": "{text!r} är inget tal (skriv siffror, till exempel 30 eller 2,5)",
        "en": "{text!r} is not a number (write digits such as 30 or 2,5)",
    },
    "spreadsheet.not_a_date": {
        "sv": "{text!r} är inget datum; skriv ÅÅÅÅ-MM-DD",
        "en": "{text!r} is not a date; write it as ÅÅÅÅ-MM-DD (YYYY-MM-DD)",
    },
    "spreadsheet.not_a_calendar_date": {
        "sv": "{text!r} är inget datum i kalendern",
        "en": "{text!r} is not a date of the calendar",
    },
    "spreadsheet.not_a_date_or_year": {
        "sv": "{text!r} är inget datum; skriv ÅÅÅÅ-MM-DD, eller bara året ÅÅÅÅ",
        "en": "{text!r} is not a date; write ÅÅÅÅ-MM-DD (YYYY-MM-DD), or only the year ÅÅÅÅ",
    },
    "spreadsheet.not_a_period": {
        "sv": "{text!r} är ingen period: skriv år, halvår, månad, vecka, dag eller en tidslängd som P1Y",
        "en": "{text!r} is not a period: write år, halvår, månad, vecka, dag or a duration like P1Y",
    },
    "spreadsheet.not_a_language": {
        "sv": "{text!r} är ingen språkkod som sv eller en",
        "en": "{text!r} is not a language tag such as sv or en",
    },
    "spreadsheet.ambiguous": {
        "sv": "{what} {text!r} kan betyda flera; välj en av: {options}",
        "en": "{what} {text!r} is ambiguous; choose one of: {options}",
    },
    "spreadsheet.unknown": {
        "sv": "{what} {text!r} finns inte i listan; välj en av: {options}",
        "en": "unknown {what} {text!r}; choose one of: {options}",
    },
    "spreadsheet.what.substance": {"sv": "substans", "en": "substance"},
    "spreadsheet.what.level": {"sv": "preventionsnivå", "en": "prevention level"},
    "spreadsheet.what.group": {"sv": "målgrupp", "en": "target group"},
    "spreadsheet.what.method": {"sv": "metod", "en": "method"},
    "spreadsheet.what.perspective": {"sv": "perspektiv", "en": "perspective"},
    "spreadsheet.what.factor": {
        "sv": "risk- eller skyddsfaktor",
        "en": "risk or protective factor",
    },
    "spreadsheet.what.type": {"sv": "typ", "en": "type"},
    "spreadsheet.what.comparator": {"sv": "jämförelse", "en": "comparator"},
    "spreadsheet.what.link": {"sv": "sorts koppling", "en": "kind of link"},
    "spreadsheet.no_actor": {
        "sv": "ingen aktör heter {text!r}",
        "en": "no actor is named {text!r}",
    },
    "spreadsheet.unknown_goal": {
        "sv": "okänt mål {text!r}; skriv ett nationellt mål ({goals}) eller ett måls id",
        "en": "unknown goal {text!r}; write a national goal ({goals}) or a goal's id",
    },
    "spreadsheet.predicate_bnode": {
        "sv": "ett predikat kan inte vara en blank nod",
        "en": "a predicate cannot be a blank node",
    },
    "spreadsheet.not_a_term": {
        "sv": '{text!r} är inte en RDF-term i Turtle-form (:id, prefix:namn, <IRI>, _:namn, "text"@sv, 5)',
        "en": '{text!r} is not one RDF term in Turtle form (:id, prefix:name, <IRI>, _:name, "text"@sv, 5)',
    },
    "spreadsheet.term_not_iri.subject": {
        "sv": "subjektet måste vara en IRI (:id, prefix:namn eller <IRI>), inte {text!r}",
        "en": "the subject must be an IRI (:id, prefix:name or <IRI>), not {text!r}",
    },
    "spreadsheet.term_not_iri.predicate": {
        "sv": "predikatet måste vara en IRI (:id, prefix:namn eller <IRI>), inte {text!r}",
        "en": "the predicate must be an IRI (:id, prefix:name or <IRI>), not {text!r}",
    },
    "spreadsheet.not_a_flag": {
        "sv": "{text!r} är varken ja eller nej",
        "en": "{text!r} is neither ja nor nej",
    },
    # -- sheets, columns and rows (reader.py) ----------------------------------------------------
    "spreadsheet.unknown_sheet": {
        "sv": "bladet {sheet!r} hör inte till mallen; det lästes inte",
        "en": "sheet {sheet!r} is not part of the template; ignored",
    },
    "spreadsheet.second_sheet": {
        "sv": "ett andra blad för {sheet}; behåll ett",
        "en": "a second sheet for {sheet}; keep one",
    },
    "spreadsheet.no_sheet": {
        "sv": "mallen saknar bladet {sheet} ({hint}); det krävs",
        "en": "the template has no sheet {sheet} ({hint}); it is required",
    },
    "spreadsheet.unknown_column": {
        "sv": "{sheet}: kolumnen {column!r} hör inte till mallen; den lästes inte",
        "en": "{sheet}: column {column!r} is not part of the template; ignored",
    },
    "spreadsheet.second_column": {
        "sv": "en andra kolumn {column}; behåll en",
        "en": "a second column {column}; keep one",
    },
    "spreadsheet.no_column": {
        "sv": "kolumnen {column} krävs men saknas",
        "en": "the required column {column} is missing",
    },
    "spreadsheet.value_without_field": {
        "sv": "ett värde utan fältnamn",
        "en": "a value without a field name",
    },
    "spreadsheet.unknown_field": {
        "sv": "{sheet} rad {row}: fältet {field!r} hör inte till mallen; det lästes inte",
        "en": "{sheet} row {row}: field {field!r} is not part of the template; ignored",
    },
    "spreadsheet.bad_plan_id": {
        "sv": "planens id {text!r} får bara innehålla bokstäver, siffror och '-' (till exempel exempelby-2024-2027)",
        "en": "the plan id {text!r} may hold only letters, digits and '-' (for example exempelby-2024-2027)",
    },
    "spreadsheet.no_plan_id": {
        "sv": "planen behöver ett ID eller en Titel",
        "en": "the plan needs an ID or a Titel (title)",
    },
    "spreadsheet.no_plan_kind": {
        "sv": "fältet Typ krävs: {options}",
        "en": "the field Typ (kind) is required: {options}",
    },
    "spreadsheet.plan_ends_early": {
        "sv": "planen slutar ({end}) innan den börjar ({start})",
        "en": "the plan ends ({end}) before it starts ({start})",
    },
    "spreadsheet.duplicate_id": {
        "sv": "id:t {id!r}{made} finns redan på {sheet} rad {row}",
        "en": "duplicate id {id!r}{made}: {sheet} row {row} has it too",
    },
    "spreadsheet.id_made": {
        "sv": " (id:t som gjordes av numret eller raden)",
        "en": " (the id made from its number or row)",
    },
    "spreadsheet.dotted_id": {
        "sv": "{sheet} rad {row}: id:t {id!r} har punkter mellan siffror, som Oxigraphs SPARQL inte kan skriva som prefixat namn; skriv hellre {better!r}",
        "en": "{sheet} row {row}: id {id!r} has dots between numbers, which Oxigraph's SPARQL cannot write as a prefixed name; prefer {better!r}",
    },
    "spreadsheet.unknown_id": {
        "sv": "okänt id {id!r}: ingen rad i mallen har det",
        "en": "unknown id {id!r}: no row of the template has it",
    },
    "spreadsheet.document_unnamed": {
        "sv": "dokumentet har varken namn eller titel",
        "en": "the document has neither a name nor a title",
    },
    "spreadsheet.no_text.activity": {
        "sv": "insatsen saknar text; skriv insatsens egna ord",
        "en": "the activity has no text; write the activity's own words",
    },
    "spreadsheet.no_text.indicator": {
        "sv": "indikatorn saknar text; skriv indikatorns egna ord",
        "en": "the indicator has no text; write the indicator's own words",
    },
    "spreadsheet.no_text.goal": {
        "sv": "målet saknar text; skriv målets egna ord",
        "en": "the goal has no text; write the goal's own words",
    },
    "spreadsheet.no_text.area": {
        "sv": "området saknar namn; skriv områdets egna ord",
        "en": "the area has no text; write the area's own words",
    },
    "spreadsheet.no_text.row": {
        "sv": "raden saknar text",
        "en": "the row has no text; write the row's own words",
    },
    "spreadsheet.not_a_row_of": {
        "sv": "{text!r} är ingen rad på {sheets}",
        "en": "{text!r} is not a row of {sheets}",
    },
    "spreadsheet.number_twice": {
        "sv": "numret {text!r} används av flera rader på {sheets}; skriv id:t i stället",
        "en": "number {text!r} is used by several rows of {sheets}; write the id instead",
    },
    "spreadsheet.unknown_ref": {
        "sv": "{column} {text!r} finns inte: ingen rad på {sheets} har detta id eller nummer",
        "en": "unknown {column} {text!r}: no row of {sheets} has this id or number",
    },
    "spreadsheet.indicator_no_activity": {
        "sv": "indikatorn säger inte vilken insats den följer upp",
        "en": "the indicator does not say which activity it follows up",
    },
    "spreadsheet.target_no_comparator": {
        "sv": "ett målvärde behöver en jämförelse: {options}",
        "en": "a target needs a comparator: {options}",
    },
    "spreadsheet.target_no_value": {
        "sv": "ett målvärde behöver ett tal (Målvärde)",
        "en": "a target needs a number (Målvärde)",
    },
    "spreadsheet.target_no_indicator": {
        "sv": "målvärdet säger inte vilken indikator det hör till",
        "en": "the target does not say which indicator it belongs to",
    },
    "spreadsheet.duplicate_link": {
        "sv": "kopplingens id finns redan på rad {row}",
        "en": "duplicate link id: row {row} has it too",
    },
    "spreadsheet.link_missing": {
        "sv": "kopplingen saknar {column}",
        "en": "the link has no {column}",
    },
    "spreadsheet.bad_graph": {
        "sv": "{text!r} är varken plan eller kopplingar",
        "en": "{text!r} is neither plan nor kopplingar",
    },
    "spreadsheet.statement_missing": {
        "sv": "påståendet saknar {column}",
        "en": "the statement has no {column}",
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
    "spreadsheet.wrote_template": {
        "sv": "skrev {path}: en tom planmall; fyll i den och kör sedan: andtsgraph import {path} -o {trig}",
        "en": "wrote {path}: an empty plan template; fill it in, then: andtsgraph import {path} -o {trig}",
    },
}
