# The first lines of each failed test's message, from TRX reports: a record ends with a </UnitTestResult>, and its
# last <UnitTestResult ...> is that result (passed ones before it close themselves).
BEGIN { RS = "</UnitTestResult>" }
{
  result = $0
  if (!sub(/.*<UnitTestResult /, "", result) || result !~ /^[^>]*outcome="(Failed|Error|Timeout|Aborted)"/) next
  name = result; sub(/^[^>]*testName="/, "", name); sub(/".*/, "", name)
  message = ""
  if (index(result, "<Message>") > 0) { message = substr(result, index(result, "<Message>") + 9); message = substr(message, 1, index(message, "</Message>") - 1) }
  n = split(message, lines, "\n")
  print "--- " unescape(name)
  for (i = 1; i <= n && i <= 10; i++) print "    " substr(unescape(lines[i]), 1, 400)
  if (n > 10) print "    (" n - 10 " more lines in the TRX report)"
  if (++shown >= 6) exit
}
function unescape(s) {
  gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'", s); gsub(/&#xD;/, "", s); gsub(/&#xA;/, " ", s); gsub(/&amp;/, "\\&", s)
  return s
}
