#include "logging.h"

Q_LOGGING_CATEGORY(lcKb, "techrace.kb", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "techrace.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMap, "techrace.map", QtInfoMsg)
