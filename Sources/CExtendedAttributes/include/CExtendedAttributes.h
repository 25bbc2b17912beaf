// Extended attributes (listxattr, getxattr, fsetxattr), which Swift's Glibc module does not import.
#include <sys/types.h>
#include <sys/xattr.h>
