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
    "io.output_appeared": {
        "sv": "{path} dök upp medan körningen pågick; inget skrevs",
        "en": "{path} appeared while the run was working; nothing written",
    },
}
