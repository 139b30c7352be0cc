//===- MembersLeftSet.cpp - pointer members a method leaves non-null ------===//
#include "MembersLeftSet.h"

#include "Guards.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// A conjunction of atoms on the method's parameters; the empty case always holds.
using Case = std::vector<GuardAtom>;
/// The member is non-null when any case holds.
using Cases = std::vector<Case>;
/// What is known at one point of the walk, per member of `*this`.
using State = MapVector<const FieldDecl *, Cases>;

/// Larger descriptions are not worth their summary space: they are dropped, which only forgets.
constexpr size_t MaxCases = 8, MaxAtoms = 8;

const FieldDecl *memberOf(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  return ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
}

/// The pointer member of `*this` that E designates.
const FieldDecl *thisPointerMember(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!F || !F->getType()->isPointerType() ||
      !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return F;
}

/// A value that is never null: a throwing `new`, an address, `this`.
bool nonNull(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *New = dyn_cast<CXXNewExpr>(E))
    return !New->shouldNullCheckAllocation();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->getOpcode() == UO_AddrOf;
  return isa<CXXThisExpr>(E);
}

/// What a statement does that the walk does not follow.
struct Effects {
  bool Calls = false;    ///< calls, constructs, destroys, throws or stores through a pointer
  bool Leaves = false;   ///< returns, jumps, binds a reference to a member or declares a local
                         ///< with a destructor: the walk gives up
  SmallPtrSet<const FieldDecl *, 4> Written; ///< written or address taken, on any object
};

void collect(const Stmt *S, Effects &E, ASTContext &Ctx) {
  if (!S || isa<LambdaExpr>(S)) // a lambda's body runs when it is called: a call
    return;
  if (isa<CallExpr, CXXConstructExpr, CXXNewExpr, CXXDeleteExpr, CXXBindTemporaryExpr,
          CXXThrowExpr, CXXTryStmt>(S))
    E.Calls = true;
  if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt, LabelStmt, CoreturnStmt, CoawaitExpr,
          CoyieldExpr>(S))
    E.Leaves = true;
  const Expr *Target = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
    Target = BO->getLHS();
  else if (const auto *U = dyn_cast<UnaryOperator>(S);
           U && (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf))
    Target = U->getSubExpr();
  if (Target) {
    const Expr *T = Target->IgnoreParenImpCasts();
    if (const FieldDecl *F = memberOf(T))
      E.Written.insert(F);
    else if (!isa<DeclRefExpr>(T) && !(isa<UnaryOperator>(S) &&
                                       cast<UnaryOperator>(S)->getOpcode() == UO_AddrOf))
      E.Calls = true; // `*p = v`, `a[i] = v`: may be a member of `*this` by another name
  }
  if (const auto *D = dyn_cast<DeclStmt>(S))
    for (const Decl *X : D->decls())
      if (const auto *VD = dyn_cast<VarDecl>(X)) {
        // A reference naming a member writes it by another name later; a destructor runs at
        // the end of the scope: either gives up.
        if (VD->getType()->isReferenceType() && VD->getInit() && memberOf(VD->getInit()))
          E.Leaves = true;
        if (VD->needsDestruction(Ctx))
          E.Leaves = true;
      }
  for (const Stmt *Child : S->children())
    collect(Child, E, Ctx);
}

/// Case and Atoms together; nothing when they contradict (`p == 1` and `p == 2`) or grow too
/// large. An atom a test of equality in the case already decides is left out.
std::optional<Case> conjoin(Case C, ArrayRef<GuardAtom> Atoms) {
  for (const GuardAtom &A : Atoms) {
    auto Known = find_if(C, [&](const GuardAtom &X) {
      return X.Param == A.Param && X.Op == GuardAtom::Eq;
    });
    if (Known != C.end() && (A.Op == GuardAtom::Eq || A.Op == GuardAtom::Ne)) {
      if ((Known->Value == A.Value) != (A.Op == GuardAtom::Eq))
        return std::nullopt;
      continue;
    }
    C.push_back(A);
  }
  if (C.size() > MaxAtoms)
    return std::nullopt;
  return C;
}

bool sameCase(const Case &X, const Case &Y) {
  return X.size() == Y.size() &&
         std::equal(X.begin(), X.end(), Y.begin(), [](const GuardAtom &P, const GuardAtom &Q) {
           return P.Param == Q.Param && P.Op == Q.Op && P.Value == Q.Value;
         });
}

bool hasCase(const Cases &In, const Case &C) {
  return any_of(In, [&](const Case &X) { return sameCase(X, C); });
}

void addCase(Cases &To, std::optional<Case> C) {
  if (C && To.size() < MaxCases && !hasCase(To, *C))
    To.push_back(std::move(*C));
}

class Walk {
public:
  Walk(SummaryBuilder &B, const FunctionDecl *FD) : B(B), FD(FD) {}

  std::vector<MemberLeftSet> run() {
    const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
    if (!Body)
      return {};
    State S;
    for (const Stmt *Child : Body->body()) {
      // A return ends the walk only as the body's last statement.
      const auto *Return = dyn_cast<ReturnStmt>(Child);
      if (Return && Child == Body->body_back()) {
        apply(effectsOf(Return->getRetValue()), S);
        break;
      }
      statement(Child, S);
      if (GaveUp)
        return {};
    }
    std::vector<MemberLeftSet> Out;
    for (auto &[F, C] : S)
      if (!C.empty())
        Out.push_back({F->getQualifiedNameAsString(), std::move(C)});
    return Out;
  }

private:
  Effects effectsOf(const Stmt *S) {
    Effects E;
    collect(S, E, B.Ctx);
    return E;
  }

  void apply(const Effects &E, State &S) {
    if (E.Calls) {
      S.clear();
      return;
    }
    for (const FieldDecl *F : E.Written)
      S.erase(F);
  }

  void statement(const Stmt *St, State &S) {
    if (GaveUp || !St)
      return;
    if (const auto *CS = dyn_cast<CompoundStmt>(St)) {
      for (const Stmt *Child : CS->body())
        statement(Child, S);
      return;
    }
    if (const auto *If = dyn_cast<IfStmt>(St);
        If && !If->getInit() && !If->getConditionVariable() && !If->isConsteval()) {
      apply(effectsOf(If->getCond()), S);
      State Then = S, Else = S;
      statement(If->getThen(), Then);
      statement(If->getElse(), Else);
      S = merge(Then, Else, If->getCond());
      return;
    }
    const Stmt *Plain = St;
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(St))
      Plain = Cleanups->getSubExpr();
    if (const auto *Store = dyn_cast<BinaryOperator>(Plain);
        Store && Store->getOpcode() == BO_Assign) {
      if (const FieldDecl *F = thisPointerMember(Store->getLHS())) {
        apply(effectsOf(Store->getRHS()), S);
        // Cleanups (temporaries' destructors) run after the store.
        if (Plain != St && effectsOf(St).Calls)
          S.clear();
        else if (nonNull(Store->getRHS()))
          S[F] = Cases{Case{}};
        else
          S.erase(F);
        return;
      }
    }
    Effects E = effectsOf(St);
    GaveUp = E.Leaves;
    apply(E, S);
  }

  /// After `if (c) Then else Else`: a case known on both sides holds; a case known after Then
  /// holds together with c, one known after Else together with !c, when those are conjunctions
  /// on parameters.
  State merge(const State &Then, const State &Else, const Expr *Cond) {
    if (!Params)
      Params.emplace(B, FD);
    std::optional<Case> Taken = Params->paramConjunction(Cond, true);
    std::optional<Case> NotTaken = Params->paramConjunction(Cond, false);
    State Out;
    auto Add = [&](const State &From, const std::optional<Case> &Holds, const State &Other) {
      for (const auto &[F, C] : From)
        for (const Case &X : C) {
          const Cases *InOther = Other.count(F) ? &Other.find(F)->second : nullptr;
          if (InOther && hasCase(*InOther, X))
            addCase(Out[F], X);
          else if (Holds)
            addCase(Out[F], conjoin(X, *Holds));
        }
    };
    Add(Then, Taken, Else);
    Add(Else, NotTaken, Then);
    return Out;
  }

  SummaryBuilder &B;
  const FunctionDecl *FD;
  std::optional<GuardRegions> Params;
  bool GaveUp = false;
};

} // namespace

std::vector<MemberLeftSet> membersLeftNonNull(SummaryBuilder &B, const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || MD->isStatic() || isa<CXXConstructorDecl, CXXDestructorDecl>(MD) ||
      MD->getParent()->isLambda() || B.isSystem(FD->getLocation()))
    return {};
  return Walk(B, FD).run();
}

} // namespace rtcheck
