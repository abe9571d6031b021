/// A binary operator of FHIRPath N1.
package enum BinaryOperator: UInt8, Sendable, CaseIterable {
  case multiply, divide, div, mod
  case add, subtract, concatenate
  case union
  case less, greater, lessOrEqual, greaterOrEqual
  case equal, equivalent, notEqual, notEquivalent
  case `in`, contains
  case and
  case or, xor
  case implies

  /// Binding strength, higher binds tighter (N1 order; `is`/`as` sit at 9, unary at 12).
  package var precedence: Int {
    switch self {
    case .multiply, .divide, .div, .mod: 11
    case .add, .subtract, .concatenate: 10
    case .union: 8
    case .less, .greater, .lessOrEqual, .greaterOrEqual: 7
    case .equal, .equivalent, .notEqual, .notEquivalent: 6
    case .in, .contains: 5
    case .and: 4
    case .or, .xor: 3
    case .implies: 2
    }
  }

  /// The operator as written.
  package var symbol: String {
    switch self {
    case .multiply: "*"
    case .divide: "/"
    case .div: "div"
    case .mod: "mod"
    case .add: "+"
    case .subtract: "-"
    case .concatenate: "&"
    case .union: "|"
    case .less: "<"
    case .greater: ">"
    case .lessOrEqual: "<="
    case .greaterOrEqual: ">="
    case .equal: "="
    case .equivalent: "~"
    case .notEqual: "!="
    case .notEquivalent: "!~"
    case .in: "in"
    case .contains: "contains"
    case .and: "and"
    case .or: "or"
    case .xor: "xor"
    case .implies: "implies"
    }
  }
}

/// Prefix `+` / `-` (polarity).
package enum UnaryOperator: UInt8, Sendable {
  case plus, negate
}

/// A type test or cast: the `is` / `as` operators and functions, and `ofType()`.
package enum TypeOperator: UInt8, Sendable {
  case `is`, `as`, ofType
}

/// The special variables `$this`, `$index`, `$total`.
package enum SpecialVariable: UInt8, Sendable {
  case this, index, total
}

/// A type name in `is`, `as`, `ofType`: `Quantity`, `FHIR.Quantity`, `System.String`.
package struct TypeSpecifier: Hashable, Sendable {
  /// `FHIR`, `System`, or nil when not qualified.
  package var namespace: [UInt8]?
  package var name: [UInt8]

  package init(namespace: [UInt8]? = nil, name: [UInt8]) {
    self.namespace = namespace
    self.name = name
  }
}

/// An external constant `%name`.
package enum EnvironmentVariable: Hashable, Sendable {
  case context, resource, rootResource, ucum, sct, loinc
  /// `%`vs-name``: a value-set URL.
  case valueSet([UInt8])
  /// `%`ext-name``: an extension URL.
  case extensionURL([UInt8])

  /// The variable's name as written after `%` (without delimiters).
  package var name: [UInt8] {
    switch self {
    case .context: Array("context".utf8)
    case .resource: Array("resource".utf8)
    case .rootResource: Array("rootResource".utf8)
    case .ucum: Array("ucum".utf8)
    case .sct: Array("sct".utf8)
    case .loinc: Array("loinc".utf8)
    case .valueSet(let n): Array("vs-".utf8) + n
    case .extensionURL(let n): Array("ext-".utf8) + n
    }
  }

  /// The variable named `name`, or nil when FHIRPath N1 defines none by that name.
  package init?(name: [UInt8]) {
    switch String(decoding: name, as: UTF8.self) {
    case "context": self = .context
    case "resource": self = .resource
    case "rootResource": self = .rootResource
    case "ucum": self = .ucum
    case "sct": self = .sct
    case "loinc": self = .loinc
    case let s where s.hasPrefix("vs-") && s.utf8.count > 3: self = .valueSet(Array(name[3...]))
    case let s where s.hasPrefix("ext-") && s.utf8.count > 4:
      self = .extensionURL(Array(name[4...]))
    default: return nil
    }
  }
}

/// One node of a compiled expression; children are indices into ``CompiledExpression/nodes``.
///
/// Nodes are stored children-first, so a child's index is always smaller than its parent's.
/// A navigation or function call with no explicit target (`name`, `where(...)` at the start of
/// an expression or argument) has the shared ``focus`` node as its target.
package enum Node: Hashable, Sendable {
  /// The input collection of the (sub)expression being evaluated: the context at top level, the
  /// current item inside `where`/`select`/… arguments.
  case focus
  /// `$this`, `$index` or `$total`.
  case variable(SpecialVariable)
  /// `{}`.
  case empty
  /// A literal: ``CompiledExpression/constants```[index]`. Negative number literals are folded.
  case literal(Int32)
  /// `%name`: ``CompiledExpression/environment```[index]`.
  case environment(Int32)
  /// `target.name`: child navigation by ``CompiledExpression/names```[name]`.
  case member(target: Int32, name: Int32)
  /// `target.function(arguments…)`; argument node indices are
  /// ``CompiledExpression/arguments```[arguments]`.
  case call(target: Int32, function: FHIRPathFunction, arguments: Range<Int32>)
  /// `target[index]`.
  case indexer(target: Int32, index: Int32)
  /// `+operand` / `-operand`.
  case unary(UnaryOperator, operand: Int32)
  /// `lhs op rhs`.
  case binary(BinaryOperator, lhs: Int32, rhs: Int32)
  /// `operand is T`, `operand as T`, `operand.is(T)`, `operand.as(T)`, `operand.ofType(T)`;
  /// `type` indexes ``CompiledExpression/types``.
  case type(TypeOperator, operand: Int32, type: Int32)
}
