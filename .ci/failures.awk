# The failed tests in TRX reports: the first lines of what each of the first six said, then the names of up to twenty.
# A record ends with a </UnitTestResult>, and its last <UnitTestResult ...> is that result (passed ones before it close themselves).
BEGIN { RS = "</UnitTestResult>"; print "what the first failed tests said:" }
{
  result = $0
  if (!sub(/.*<UnitTestResult /, "", result) || result !~ /^[^>]*outcome="(Failed|Error|Timeout|Aborted)"/) next
  name = result; sub(/^[^>]*testName="/, "", name); sub(/".*/, "", name)
  if (count < 20) names[++count] = unescape(name)
  if (count > 6) next
  message = ""
  if (index(result, "<Message>") > 0) { message = substr(result, index(result, "<Message>") + 9); message = substr(message, 1, index(message, "</Message>") - 1) }
  n = split(message, lines, "\n")
  print "--- " names[count]
  for (i = 1; i <= n && i <= 10; i++) print "    " substr(unescape(lines[i]), 1, 400)
  if (n > 10) print "    (" n - 10 " more lines in the TRX report)"
}
END {
  print "failed tests:"
  for (i = 1; i <= count; i++) print "  " names[i]
}
function unescape(s) {
  gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'", s); gsub(/&#xD;/, "", s); gsub(/&#xA;/, " ", s); gsub(/&amp;/, "\\&", s)
  return s
}
