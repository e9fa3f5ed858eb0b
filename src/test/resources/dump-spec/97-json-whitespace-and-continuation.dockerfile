# rule: §6 whitespace around JSON tokens is allowed, also when it comes from a continuation
CMD [ "a", \
      "b" ]
RUN   [   ]   
