# rule: §7 LABEL = form with a word lacking = (a quoted word without = too)
LABEL a=b "c"
