# escape=`
RUN echo a\
USER b
