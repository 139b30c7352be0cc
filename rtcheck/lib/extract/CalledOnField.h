//===- CalledOnField.h - the field a member call is made on -----*- C++ -*-===//
//
// Private to the extraction. A registration API can be a member function of a generic type
// (libcamera's `Signal<Request *>::connect`) whose callbacks run on a real-time thread only for
// one object of that type (`Camera::requestCompleted`, not an application's own
// `Signal<Request *>`). Rules name that object by the field it is (`called_on`).
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_CALLEDONFIELD_H
#define RTCHECK_LIB_EXTRACT_CALLEDONFIELD_H

#include "clang/AST/Expr.h"
#include <string>

namespace rtcheck {

/// For a member call `obj->field.method(...)` or `field.method(...)` inside a member function:
/// the qualified name of `field` (`libcamera::Camera::requestCompleted`); empty otherwise.
std::string fieldCalledOn(const clang::CallExpr *Call);

} // namespace rtcheck

#endif
