# escape=`
ENV a=x` y b="p`"q" c=d\e
ARG e=f` g
