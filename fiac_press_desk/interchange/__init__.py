"""Files in and out: vCard, spreadsheets, JSON, e-mail messages.

Every import goes parse -> neutral records (with their place in the file) -> validate ->
match -> plan -> apply as one undoable batch; every export reads through the services.
"""
