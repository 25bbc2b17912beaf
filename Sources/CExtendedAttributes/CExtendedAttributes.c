// Only the header is used; SwiftPM needs a source file for a C target.
#include "CExtendedAttributes.h"
