"""Texts of the command line itself: the prefixes of its errors and notes, its usage errors,
and the fixed lines of the commands that have no room of their own (queries, query)."""

__all__ = ["MESSAGES"]

MESSAGES = {
    # -- prefixes (andtsgraph.cli.main) ---------------------------------------------------------
    "cli.error": {"sv": "andtsgraph: fel: {message}", "en": "andtsgraph: error: {message}"},
    "cli.warning": {
        "sv": "andtsgraph: varning: {message}",
        "en": "andtsgraph: warning: {message}",
    },
    "cli.note": {"sv": "andtsgraph: obs: {message}", "en": "andtsgraph: note: {message}"},
    "cli.plain": {"sv": "andtsgraph: {message}", "en": "andtsgraph: {message}"},
    "cli.internal_error": {
        "sv": "andtsgraph: internt fel: {kind}: {message} (ett programfel: rapportera det gärna; "
        "ANDTSGRAPH_DEBUG=1 visar var)",
        "en": "andtsgraph: internal error: {kind}: {message} (a bug: please report it; "
        "ANDTSGRAPH_DEBUG=1 shows where)",
    },
    "cli.too_deep": {
        "sv": "indata är för djupt nästlade för att läsas",
        "en": "the input is nested too deeply to read",
    },
    "cli.out_of_memory": {
        "sv": "minnet tog slut (använd --timeout, LIMIT eller mindre indata)",
        "en": "out of memory (use --timeout, LIMIT or a smaller input)",
    },
    "cli.usage_error": {
        "sv": "{prog}: fel: {message}\n(se '{prog} --help')",
        "en": "{prog}: error: {message}\n(see '{prog} --help')",
    },
    # -- options shared by several commands (andtsgraph.cli.common) -------------------------
    "cli.not_with_endpoint": {
        "sv": "{options} kan inte användas med --endpoint: grafen är serverns (lägg först upp "
        "filerna där med 'andtsgraph push')",
        "en": "{options} cannot be used with --endpoint: the graph is the one on the server "
        "(push files there first with 'andtsgraph push')",
    },
    "cli.and": {"sv": " och ", "en": " and "},
    "cli.max_size": {
        "sv": "--max-size ska vara ett positivt antal megabyte",
        "en": "--max-size must be a positive number of megabytes",
    },
    "cli.password_env": {
        "sv": "--user är angivet men miljövariabeln {var} med lösenordet är inte satt",
        "en": "--user given but the environment variable {var} holding the password is not set",
    },
    "cli.not_whole": {
        "sv": "{value!r} är inte ett heltal",
        "en": "{value!r} is not a whole number",
    },
    "cli.not_positive": {
        "sv": "{value} är inte ett heltal som är minst 1",
        "en": "{value} is not a whole number of at least 1",
    },
    "cli.param_form": {
        "sv": "--param {pair!r}: skriv det som NAMN=VÄRDE",
        "en": "--param {pair!r}: write it as NAME=VALUE",
    },
    "cli.suffix_format": {
        "sv": "{path}: filändelsen säger {named} men --format är {format}; gör dem lika",
        "en": "{path}: the suffix says {named} but --format is {format}; make them agree",
    },
    "cli.push_remove": {
        "sv": "--remove kan inte kombineras med --replace eller --resume",
        "en": "--remove cannot be combined with --replace or --resume",
    },
    "cli.synthetic_sizes": {
        "sv": "--plans och --activities ska vara minst 1",
        "en": "--plans and --activities must be at least 1",
    },
    "cli.wrote_docs": {
        "sv": "skrev {path} (ontologins dokumentation, {lang})",
        "en": "wrote {path} (ontology documentation, {lang})",
    },
    # -- queries and query (andtsgraph.cli.query) -------------------------------------------
    "cli.queries_footer": {
        "sv": (
            "{n} fråga. Visa en med: andtsgraph queries --show NAMN; kör en med: "
            "andtsgraph query NAMN [--param NAMN=VÄRDE]",
            "{n} frågor. Visa en med: andtsgraph queries --show NAMN; kör en med: "
            "andtsgraph query NAMN [--param NAMN=VÄRDE]",
        ),
        "en": (
            "{n} query. Show one with: andtsgraph queries --show NAME; run one with: "
            "andtsgraph query NAME [--param NAME=VALUE]",
            "{n} queries. Show one with: andtsgraph queries --show NAME; run one with: "
            "andtsgraph query NAME [--param NAME=VALUE]",
        ),
    },
    "cli.format_triples": {
        "sv": "--format {format}: en {form}-fråga ger tripplar; välj ett av {choices}",
        "en": "--format {format}: a {form} query gives triples; choose one of {choices}",
    },
    "cli.format_rows": {
        "sv": "--format {format}: en {form}-fråga ger rader; välj ett av {choices}",
        "en": "--format {format}: a {form} query gives rows; choose one of {choices}",
    },
    "cli.format_yes_no": {
        "sv": "--format {format}: en {form}-fråga ger ja eller nej; välj ett av {choices}",
        "en": "--format {format}: a {form} query gives a yes or no; choose one of {choices}",
    },
    "cli.yes": {"sv": "ja", "en": "yes"},
    "cli.no": {"sv": "nej", "en": "no"},
}
