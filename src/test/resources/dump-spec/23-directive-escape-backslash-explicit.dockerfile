# escape=\
RUN echo a \
  b
