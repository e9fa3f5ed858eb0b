# rule: §7 ENV legacy form with only a key (ENV FOO)
ENV FOO
