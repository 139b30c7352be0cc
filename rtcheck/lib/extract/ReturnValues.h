//===- ReturnValues.h - what a body returns, and when ------------*- C++ -*-===//
//
// Private to the extraction (#10, newcode): the `return` statements of a body, for constants
// that flow out of a callee's return value into its caller's guards (Summary.h ReturnSite).
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_RETURNVALUES_H
#define RTCHECK_LIB_EXTRACT_RETURNVALUES_H

#include "SummaryBuilder.h"

namespace rtcheck {

/// Every `return` of FD, when FD is a user body returning an integer or a pointer and one of
/// them returns a value the link step can know; empty otherwise.
std::vector<ReturnSite> returnsOf(SummaryBuilder &B, const clang::FunctionDecl *FD);

} // namespace rtcheck

#endif
