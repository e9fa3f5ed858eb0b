# rule: §5 = form: each word split at its first =, key and value verbatim (quotes and escapes kept), sep "="
ENV A=1 B="two words" C=x\ y
ENV D="a\"b" E=f=g
ENV F= G=""
ENV H=a"b c"d "I=j k"
