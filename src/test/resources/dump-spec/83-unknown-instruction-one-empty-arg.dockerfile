# rule: §5 anything else: one empty-string arg, also with no text; never an error
FOOBAR some unknown instruction
FOOBAR
Foo "x" ["y", 1]
FROM2 a
ENV2 a=b
