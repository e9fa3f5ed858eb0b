# rule: §5 RUN shell form: ARGS as one arg, verbatim (quotes, backslashes and inner spacing kept)
RUN echo   "a  b"   'c'  \$HOME  x\ty
RUN   set -e;   make
