/* pgcheck: reports the version of the libpq the process loaded.
 * Linked with -lpq, so importing it needs libpq.so.5 at run time. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <libpq-fe.h>

static PyObject *libpq_version(PyObject *self, PyObject *args)
{
    return PyLong_FromLong(PQlibVersion()); /* e.g. 150020 for 15.20 */
}

static PyMethodDef methods[] = {
    {"libpq_version", libpq_version, METH_NOARGS, "libpq's version number, as PQlibVersion()."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "pgcheck", NULL, -1, methods};

PyMODINIT_FUNC PyInit_pgcheck(void)
{
    return PyModule_Create(&module);
}
