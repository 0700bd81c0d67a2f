"""Stage 1, sources: read the files of source/ (texts through the line grammar, YAML through one
schema reader) into plain data: the parse's result (private to this stage and the tree), the
identity, the register, the labels, the notes. Bad input stops here, at its file and line."""
