# rule: §5 = form: words split at unquoted whitespace (tab too); empty key allowed; escape inside "..." kept
ENV a=1	b=2
ENV =x
ENV e="x\ y" f='p q'
