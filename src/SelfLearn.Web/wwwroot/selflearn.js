// The viewer's IANA time zone, so the server can show times in it.
window.selflearn = {
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"
};
