import FHIRTree
import Testing

@testable import FHIRPath

/// A compact prefix rendering of a compiled tree for precedence tests: binary and type nodes
/// as `(op lhs rhs)`, navigation as dotted paths, literals in source form.
func tree(_ text: String) throws -> String {
  let e = try FHIRPathCompiler.compile(text)
  return render(e, e.root)
}

func render(_ e: CompiledExpression, _ i: Int32) -> String {
  func target(_ t: Int32) -> String {
    if case .focus = e[t] { return "" }
    return render(e, t) + "."
  }
  switch e[i] {
  case .focus: return "<focus>"
  case .variable(let v): return "$\(v)"
  case .empty: return "{}"
  case .literal(let k):
    var out: [UInt8] = []
    CompiledExpression.appendLiteral(e.constants[Int(k)], to: &out)
    return String(decoding: out, as: UTF8.self)
  case .environment(let k): return "%" + String(decoding: e.environment[Int(k)].name, as: UTF8.self)
  case .member(let t, let n): return target(t) + String(decoding: e.names[Int(n)], as: UTF8.self)
  case .call(let t, let f, let r):
    return target(t) + f.name + "(" + e.arguments(r).map { render(e, $0) }.joined(separator: ", ")
      + ")"
  case .indexer(let t, let x): return render(e, t) + "[" + render(e, x) + "]"
  case .unary(let op, let x): return "(\(op == .negate ? "-" : "+") \(render(e, x)))"
  case .binary(let op, let l, let r): return "(\(op.symbol) \(render(e, l)) \(render(e, r)))"
  case .type(let op, let x, let t):
    let spec = e.types[Int(t)]
    let name =
      (spec.namespace.map { String(decoding: $0, as: UTF8.self) + "." } ?? "")
      + String(decoding: spec.name, as: UTF8.self)
    return "(\(op) \(render(e, x)) \(name))"
  }
}

/// The compile error for `text`, or nil when it compiles.
func compileError(_ text: String) -> FHIRPathError? {
  do {
    _ = try FHIRPathCompiler.compile(text)
    return nil
  } catch {
    return error
  }
}

/// The value of a single-literal expression.
func literal(_ text: String) throws -> FHIRPathValue? {
  let e = try FHIRPathCompiler.compile(text)
  guard case .literal(let k) = e[e.root] else { return nil }
  return e.constants[Int(k)]
}

func dec(_ text: String) -> ExactDecimal {
  guard let d = ExactDecimal(text) else {
    Issue.record("bad decimal \(text)")
    return .zero
  }
  return d
}

func dateTime(_ text: String) -> FHIRPathValue {
  guard let d = PartialDateTime(fhirDateTime: text) else {
    Issue.record("bad dateTime \(text)")
    return .boolean(false)
  }
  return .dateTime(d)
}

func date(_ text: String) -> FHIRPathValue {
  guard let d = PartialDateTime(fhirDate: text) else {
    Issue.record("bad date \(text)")
    return .boolean(false)
  }
  return .date(d)
}

func time(_ text: String) -> FHIRPathValue {
  guard let t = PartialTime(fhirTime: text) else {
    Issue.record("bad time \(text)")
    return .boolean(false)
  }
  return .time(t)
}

func str(_ s: String) -> FHIRPathValue { .string(Array(s.utf8)) }

func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

func text(_ v: FHIRPathValue?) -> String? { v.map { String(decoding: $0.text, as: UTF8.self) } }
