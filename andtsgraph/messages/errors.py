"""Texts of andtsgraph.errors and of the errors of modules that have no room of their own."""

__all__ = ["MESSAGES"]

MESSAGES = {
    "errors.did_you_mean": {"sv": "; menade du {names}?", "en": "; did you mean {names}?"},
    "errors.or": {"sv": " eller ", "en": " or "},
    "errors.written_tail": {"sv": "inget skrevs", "en": "nothing was written"},
    "errors.removed_tail": {"sv": "inget togs bort", "en": "nothing was removed"},
    "errors.not_one_of": {
        "sv": "{parameter}={value!r} är inte ett av: {allowed}{hint}",
        "en": "{parameter}={value!r} is not one of: {allowed}{hint}",
    },
    "errors.net_engine": {
        "sv": "okänd betweenness-motor {engine!r}: välj auto, igraph eller networkx",
        "en": "unknown betweenness engine {engine!r}: choose auto, igraph or networkx",
    },
    "errors.no_igraph": {
        "sv": "igraph är inte installerat: pip install igraph",
        "en": "igraph is not installed: pip install igraph",
    },
    "errors.whole_or_none": {
        "sv": "{parameter}={n!r}: ange ett heltal som är minst 1 (eller None för alla)",
        "en": "{parameter}={n!r}: give a whole number of at least 1 (or None for all)",
    },
    "errors.net_suffix": {
        "sv": "{path}: exportera nätverket som .graphml eller .gexf",
        "en": "{path}: export the network as .graphml or .gexf",
    },
    "errors.whole": {
        "sv": "{parameter}={n!r}: ange ett heltal som är minst 1",
        "en": "{parameter}={n!r}: give a whole number of at least 1",
    },
    "errors.suggest_suffix": {
        "sv": "{path}: skriv förslagen som .trig, .nq, .ttl, .nt eller .jsonld",
        "en": "{path}: write suggestions as .trig, .nq, .ttl, .nt or .jsonld",
    },
    "errors.xlsx_export": {
        "sv": "--format xlsx skriver en plan som mall: ange --plan ID och -o FIL.xlsx",
        "en": "--format xlsx writes one plan as a template: give --plan ID and -o FILE.xlsx",
    },
    "errors.no_pylode": {
        "sv": "pyLODE är inte installerat: pip install 'andtsgraph[docs]'",
        "en": "pyLODE is not installed: pip install 'andtsgraph[docs]'",
    },
    "errors.unknown_format": {
        "sv": "okänt RDF-format (använd en av filändelserna {known})",
        "en": "unknown RDF format (use one of the extensions {known})",
    },
    "errors.no_file": {"sv": "filen finns inte", "en": "no such file"},
    "errors.not_a_file": {"sv": "inte en fil", "en": "not a file"},
    "errors.cannot_read": {"sv": "kan inte läsas: {reason}", "en": "cannot read: {reason}"},
    "errors.syntax": {
        "sv": "syntaxfel i {format}: {reason}",
        "en": "{format} syntax error: {reason}",
    },
    "errors.rdfxml": {"sv": "fel i RDF/XML: {reason}", "en": "RDF/XML error: {reason}"},
    "errors.format_error": {"sv": "fel i {format}: {reason}", "en": "{format} error: {reason}"},
    "errors.not_utf8": {"sv": "inte UTF-8-text ({reason})", "en": "not UTF-8 text ({reason})"},
    "errors.too_deep": {
        "sv": "fel i {format}: för djupt nästlat",
        "en": "{format} error: nested too deeply",
    },
    "errors.ignores_dataset": {
        "sv": "servern på {url} bryr sig inte om det dataset en fråga anger (FROM och default-graph-uri): dess svar skulle ta med grafer som inte är andtsgraphs",
        "en": "the server at {url} ignores the dataset a query names (FROM and default-graph-uri): its answers would include graphs that are not andtsgraph's",
    },
    "errors.remote_read_only": {
        "sv": "en ansluten SPARQL-server är skrivskyddad här; ladda upp med andtsgraph.push()",
        "en": "a connected SPARQL server is read-only here; upload with andtsgraph.push()",
    },
    "errors.no_graphs": {
        "sv": "servern på {url} har inga andtsgraph-grafer (ingen namngiven graf under {graphs}); ladda först upp dem med 'andtsgraph push'",
        "en": "the server at {url} holds no andtsgraph graphs (no named graph under {graphs}); upload them first with 'andtsgraph push'",
    },
    "errors.max_rows": {
        "sv": "servern på {url} kapade svaret vid {rows} rader (dess ResultSetMaxRows); fråga efter mindre (en plan, LIMIT) eller höj serverns gräns",
        "en": "the server at {url} cut the answer at {rows} rows (its ResultSetMaxRows); ask for less (a plan, LIMIT) or raise the server's limit",
    },
    "errors.partial": {
        "sv": "servern på {url} stoppade frågan vid sin tidsgräns och skickade ett ofullständigt svar (Virtuosos MaxQueryExecutionTime); det användes inte",
        "en": "the server at {url} stopped the query at its time limit and sent a partial answer (Virtuoso's MaxQueryExecutionTime); it was not used",
    },
    "errors.bad_rdf": {
        "sv": "servern skickade RDF som inte kan läsas ({media}): {reason}",
        "en": "the server sent RDF that cannot be read ({media}): {reason}",
    },
    "errors.not_json": {
        "sv": "servern på {url} skickade något som inte är SPARQL JSON: {says}",
        "en": "the server at {url} sent something that is not SPARQL JSON: {says}",
    },
    "errors.timeout": {
        "sv": "tidsgränsen ska vara ett positivt antal sekunder, inte {timeout:g}",
        "en": "the timeout must be a positive number of seconds, not {timeout:g}",
    },
    "errors.size_limit": {
        "sv": "storleksgränsen ska vara ett positivt antal byte",
        "en": "the size limit must be a positive number of bytes",
    },
    "errors.user_and_token": {
        "sv": "ange en användare (auth=, --user) eller en bearer-token (token_env=, --token-env), inte båda",
        "en": "give a user (auth=, --user) or a bearer token (token_env=, --token-env), not both",
    },
    "errors.token_env": {
        "sv": "miljövariabeln {var} med bearer-token är inte satt",
        "en": "the environment variable {var} holding the bearer token is not set",
    },
    "errors.redirects": {
        "sv": "{where} omdirigerade mer än {n} gånger",
        "en": "{where} redirected more than {n} times",
    },
    "errors.digest": {
        "sv": "servern begär Digest med {what}, vilket inte stöds",
        "en": "the server asks for Digest with {what}, which is not supported",
    },
    "errors.url_credentials": {
        "sv": "serverns URL innehåller inloggningsuppgifter (användare:lösenord@); ange i stället en användare (auth=, --user) med lösenordet i en miljövariabel, eller en token (token_env=, --token-env)",
        "en": "the server URL holds credentials (user:password@); give a user (auth=, --user) with the password in an environment variable, or a token (token_env=, --token-env), instead",
    },
    "errors.not_http": {"sv": "{url} är inte en http(s)-URL", "en": "{url} is not an http(s) URL"},
    "errors.no_answer": {
        "sv": "inget svar från {where} inom {timeout:g} s (tidsgränsen nådd)",
        "en": "no answer from {where} within {timeout:g} s (timed out)",
    },
    "errors.bad_url": {
        "sv": "serverns URL är inte en giltig http(s)-URL: {reason}",
        "en": "the server URL is not a valid http(s) URL: {reason}",
    },
    "errors.unreachable": {
        "sv": "når inte {where}: {reason}",
        "en": "cannot reach {where}: {reason}",
    },
    "errors.not_project_graph": {
        "sv": "grafen {name} ligger inte under {graphs}: push skriver bara projektets egna grafer (connect() skulle inte se den); inget skrevs",
        "en": "graph {name} is not under {graphs}: push writes only the project's own graphs (connect() would not see it); nothing was written",
    },
    "errors.bad_graph_name": {
        "sv": "grafnamnet {name!r} är inte en giltig IRI; inget skrevs",
        "en": "graph name {name!r} is not a valid IRI; nothing was written",
    },
    "errors.no_write": {
        "sv": "inget sätt att skriva till servern: ange en Graph Store Protocol-ändpunkt (gsp=, --gsp) eller en SPARQL Update-ändpunkt (update=, --update), eller en Oxigraph-servers bas-URL",
        "en": "no way to write to the server: give a Graph Store Protocol endpoint (gsp=, --gsp) or a SPARQL Update endpoint (update=, --update), or the base URL of an Oxigraph server",
    },
    "errors.differing": {
        "sv": "{n} grafer på servern har ett annat antal tripplar än här ({graphs}): inte vad en avbruten överföring lämnar; använd --replace (replace=True) för att skriva över dem",
        "en": "{n} graphs on the server hold another number of triples than here ({graphs}): not what an interrupted push leaves; use --replace (replace=True) to overwrite them",
    },
    "errors.occupied": {
        "sv": "{n} grafer har redan data på servern ({graphs}); använd --replace (replace=True) för att skriva över dem, eller --resume för att slutföra en avbruten överföring",
        "en": "{n} graphs already hold data on the server ({graphs}); use --replace (replace=True) to overwrite them, or --resume to finish an interrupted push",
    },
    "errors.nothing_written": {
        "sv": "{reason}; inget skrevs",
        "en": "{reason}; nothing was written",
    },
    "errors.graphviz_failed": {
        "sv": "Graphviz kunde inte rita bilderna: {reason}",
        "en": "Graphviz could not draw the pictures: {reason}",
    },
    "errors.graphviz_count": {
        "sv": "Graphviz ritade {n} bilder av {total}",
        "en": "Graphviz drew {n} pictures of {total}",
    },
    "errors.no_dot": {
        "sv": "Graphviz dot är inte installerat: kör scripts/setup.sh (eller apt-get install graphviz)",
        "en": "Graphviz's dot is not installed: run scripts/setup.sh (or apt-get install graphviz)",
    },
    "errors.picture_suffix": {
        "sv": "{path}: skriv bilder som .dot, .svg eller .png",
        "en": "{path}: write pictures as .dot, .svg or .png",
    },
    "errors.graphviz_one": {
        "sv": "Graphviz kunde inte rita bilden: {reason}",
        "en": "Graphviz could not draw the picture: {reason}",
    },
    "errors.not_sparql": {
        "sv": "texten är ingen SPARQL-fråga (inget SELECT, ASK, CONSTRUCT eller DESCRIBE)",
        "en": "the text is not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE)",
    },
    "errors.no_where": {
        "sv": "hittar inte frågans WHERE-del att binda parametrar till",
        "en": "cannot find the query's WHERE clause to bind parameters to",
    },
    "errors.bad_variable": {
        "sv": "{name!r} är inget giltigt namn på en SPARQL-variabel",
        "en": "{name!r} is not a valid SPARQL variable name",
    },
    "errors.bad_iri": {
        "sv": "parametern {name!r}: {value!r} är ingen giltig IRI",
        "en": "parameter {name!r}: {value!r} is not a valid IRI",
    },
    "errors.blank_node": {
        "sv": "parametern {name!r}: blanka noder kan inte bindas",
        "en": "parameter {name!r}: blank nodes cannot be bound",
    },
    "errors.cannot_bind": {
        "sv": "parametern {name!r}: kan inte binda {kind}",
        "en": "parameter {name!r}: cannot bind {kind}",
    },
    "errors.unterminated": {
        "sv": "frågan har en sträng som inte avslutas",
        "en": "the query has an unterminated string",
    },
    "errors.read_only": {
        "sv": "frågor är skrivskyddade: {word} är en SPARQL-uppdatering; ändra datafilerna och läs in dem igen",
        "en": "queries are read-only: {word} is a SPARQL update; change the data files and load them again",
    },
    "errors.plan_suffix": {
        "sv": "skriv planen som .ttl, .nt, .jsonld, .rdf, .trig eller .nq",
        "en": "write the plan as .ttl, .nt, .jsonld, .rdf, .trig or .nq",
    },
    "errors.no_file_or_folder": {
        "sv": "filen eller mappen finns inte",
        "en": "no such file or folder",
    },
    "errors.no_csv": {
        "sv": "mappen har inga .csv-filer (en per blad i mallen)",
        "en": "the folder holds no .csv files (one per template sheet)",
    },
    "errors.not_xlsx": {
        "sv": "ingen läsbar .xlsx-arbetsbok ({reason})",
        "en": "not a readable .xlsx workbook ({reason})",
    },
    "errors.not_csv": {
        "sv": "kan inte läsas som CSV: {reason}",
        "en": "not readable as CSV: {reason}",
    },
    "errors.file_not_folder": {
        "sv": "{path} är en fil, inte en mapp",
        "en": "{path} is a file, not a folder",
    },
    "errors.corpus_exists": {
        "sv": ("{path} finns redan", "{path} och {more} till finns redan"),
        "en": ("{path} exists", "{path} and {more} more exist"),
    },
    "errors.recursive_shape": {
        "sv": "SPARQL-motorn kan inte kompilera formen {shape}: den hänvisar till sig själv (rekursiva former) eller nästlar former djupare än {depth}",
        "en": "the SPARQL engine cannot compile shape {shape}: it refers to itself (recursive shapes) or nests shapes more than {depth} deep",
    },
    "errors.blank_focus": {
        "sv": "SPARQL-motorn kan inte köra SPARQL-villkoret {constraint} på en blank fokusnod (SPARQL kan inte namnge den)",
        "en": "the SPARQL engine cannot run SPARQL constraint {constraint} on a blank focus node (SPARQL cannot name it)",
    },
    "errors.failure": {
        "sv": "SPARQL-villkoret {constraint} rapporterade ?failure",
        "en": "SPARQL constraint {constraint} reported ?failure",
    },
    "errors.cannot_validate": {
        "sv": "kan inte validera {kind}: ange en graf eller en kunskapsgraf",
        "en": "cannot validate {kind}: give a graph or a knowledge graph",
    },
    "errors.unknown_choice": {
        "sv": "okänt värde för {name}, {value!r}: välj ett av {choices}",
        "en": "unknown {name} {value!r}: choose one of {choices}",
    },
}
