"""Texts about reading and writing files, stopping queries and staying off the network."""

__all__ = ["MESSAGES"]

MESSAGES = {
    # -- output files (andtsgraph.output) ---------------------------------------------------
    "io.output_twice": {
        "sv": "{path} anges två gånger som utfil",
        "en": "{path} is given twice as an output",
    },
    "io.output_is_input": {
        "sv": "{path} är också en indata ({input}); välj en annan utfil",
        "en": "{path} is also an input ({input}); choose another output",
    },
    "io.output_is_folder": {
        "sv": "{path} är en mapp; ange ett filnamn",
        "en": "{path} is a folder; give a file name",
    },
    "io.output_not_folder": {
        "sv": "{path} är en fil, inte en mapp",
        "en": "{path} is a file, not a folder",
    },
    "io.folder_missing": {
        "sv": "kan inte skriva {path}: mappen {folder} finns inte",
        "en": "cannot write {path}: the folder {folder} does not exist",
    },
    "io.folder_read_only": {
        "sv": "kan inte skriva {path}: mappen {folder} är skrivskyddad",
        "en": "cannot write {path}: the folder {folder} is read-only",
    },
    "io.output_exists": {
        "sv": "{path} finns redan",
        "en": "{path} exists",
    },
    "io.replaces_bundled": {
        "sv": "{path} ersätter den medföljande planen {plan}",
        "en": "{path} replaces the bundled plan {plan}",
    },
    # -- reading files (andtsgraph.rdf_io) -----------------------------------------------------
    "io.utf16": {
        "sv": "texten är UTF-16 (Unicode); spara den som UTF-8",
        "en": "the text is UTF-16 (Unicode); save it as UTF-8",
    },
    "io.binary": {
        "sv": "en binärfil, inte text (spara den som UTF-8-text)",
        "en": "a binary file, not text (save it as UTF-8 text)",
    },
    "io.cp1252": {
        "sv": "texten ser ut att vara Windows-1252 (ANSI), inte UTF-8; spara den som UTF-8",
        "en": "the text looks like Windows-1252 (ANSI), not UTF-8; save it as UTF-8",
    },
    "io.not_utf8": {
        "sv": "inte UTF-8-text (byten 0x{byte:02X} kan inte läsas); spara den som UTF-8",
        "en": "not UTF-8 text (byte 0x{byte:02X} cannot be read); save it as UTF-8",
    },
    "io.jsonld_context": {
        "sv": "JSON-LD-kontexten {context!r} ligger utanför filen; andtsgraph hämtar eller läser "
        "aldrig en kontext: lägg in själva kontexten i filen",
        "en": "the JSON-LD context {context!r} is outside the file; andtsgraph never fetches or "
        "reads a context: put the context itself into the file",
    },
    # -- queries (andtsgraph.backends) -----------------------------------------------------------
    "io.query_timeout": {
        "sv": "frågan blev inte klar inom {seconds:g} s (--timeout / timeout=)",
        "en": "the query did not finish within {seconds:g} s (--timeout / timeout=)",
    },
    "io.service_refused": {
        "sv": "frågan anropar en annan server (SERVICE); lokala frågor håller sig borta från "
        "nätet om det inte tillåts (--allow-service, eller load(..., allow_service=True))",
        "en": "the query calls another server (SERVICE); local queries stay off the network "
        "unless allowed (--allow-service, or load(..., allow_service=True))",
    },
    "io.not_select": {
        "sv": "frågan är {form}, inte SELECT: bara SELECT-frågor ger rader",
        "en": "the query is {form}, not SELECT: only SELECT queries give rows",
    },
    "io.table_cut": {
        "sv": "visar de första {n} raderna; använd --format csv eller json för alla, eller LIMIT",
        "en": "showing the first {n} rows; use --format csv or json for all of them, or LIMIT",
    },
    "io.export_no_graphs": {
        "sv": "{format} behåller inga namngivna grafer; när filen läses in igen hamnar varje plans "
        "delar i planens graf enligt andts:inPlan (trig, nq och jsonld behåller varje graf)",
        "en": "{format} keeps no named graphs; loading it back places each plan's parts in the "
        "plan's graph by andts:inPlan (trig, nq and jsonld keep every graph)",
    },
    "io.output_encoding": {
        "sv": "utdatakodningen ({encoding}) kan inte visa alla tecken; de skrivs som \\x…-koder "
        "(sätt PYTHONIOENCODING=utf-8)",
        "en": "the output encoding ({encoding}) cannot show every character; they are written "
        "as \\x… escapes (set PYTHONIOENCODING=utf-8)",
    },
    "io.output_appeared": {
        "sv": "{path} dök upp medan körningen pågick; inget skrevs",
        "en": "{path} appeared while the run was working; nothing written",
    },
}
