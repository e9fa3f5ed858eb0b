# rule: §7 LABEL legacy form with only a key
FROM a
LABEL foo
