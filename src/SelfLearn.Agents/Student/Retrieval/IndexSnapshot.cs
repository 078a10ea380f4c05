using System.Collections.Concurrent;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// An immutable state of a <see cref="MemoryIndex"/>: readers take one and never see a half-applied ingest.
/// Term ids come from a vocabulary shared by all snapshots; ids beyond this snapshot's terms are unknown to it.
/// </summary>
internal sealed class IndexSnapshot
{
    private readonly ConcurrentDictionary<string, int> vocabulary;
    private readonly TermPostings[] text;
    private readonly TermPostings[] date;
    private readonly int[] documentFrequencyWithDate;
    private readonly int[] textLengths;
    private readonly int[] dateLengths;
    private readonly long textTokens;
    private readonly long dateTokens;

    private IndexSnapshot(
        ConcurrentDictionary<string, int> vocabulary, IndexedMemory[] memories, int[] previous, int[] next,
        TermPostings[] text, TermPostings[] date, int[] documentFrequencyWithDate, long textTokens, long dateTokens, int dimension,
        DateTimeOffset? latest, long[] utcTicks, int[] newestFirst)
    {
        this.vocabulary = vocabulary;
        Memories = memories;
        Previous = previous;
        Next = next;
        this.text = text;
        this.date = date;
        this.documentFrequencyWithDate = documentFrequencyWithDate;
        textLengths = Array.ConvertAll(memories, m => m.Text.Length);
        dateLengths = Array.ConvertAll(memories, m => m.Date.Length);
        this.textTokens = textTokens;
        this.dateTokens = dateTokens;
        Dimension = dimension;
        Latest = latest;
        UtcTicks = utcTicks;
        NewestFirst = newestFirst;
    }

    public IndexedMemory[] Memories { get; }

    /// <summary>Position of the previous turn of the same session, or <see cref="SessionLinks.None"/>.</summary>
    public int[] Previous { get; }

    public int[] Next { get; }

    /// <summary>Length of the non-empty vectors, 0 while there are none.</summary>
    public int Dimension { get; }

    public DateTimeOffset? Latest { get; }

    /// <summary>Each memory's timestamp in UTC ticks: recency and tie-breaks read them without visiting the memory.</summary>
    public long[] UtcTicks { get; }

    /// <summary>Positions from the newest memory to the oldest.</summary>
    public int[] NewestFirst { get; }

    public int Count => Memories.Length;

    public static IndexSnapshot Empty(ConcurrentDictionary<string, int> vocabulary) => new(vocabulary, [], [], [], [], [], [], 0, 0, 0, null, [], []);

    public int TermId(string term) => vocabulary.TryGetValue(term, out var id) && id < text.Length ? id : -1;

    public TermPostings TextPostings(int term) => text[term];

    public TermPostings DatePostings(int term) => date[term];

    public int DocumentFrequency(int term, bool withDate) => withDate ? documentFrequencyWithDate[term] : text[term].Documents.Length;

    public int Length(int position, bool withDate) => textLengths[position] + (withDate ? dateLengths[position] : 0);

    public double AverageLength(bool withDate) =>
        Count == 0 ? 0 : (double)(textTokens + (withDate ? dateTokens : 0)) / Count;

    public IndexSnapshot Append(IReadOnlyList<IndexedMemory> added, int termCount, int[] previous, int[] next, int dimension)
    {
        var textPostings = Grow(text, termCount);
        var datePostings = Grow(date, termCount);
        var frequencyWithDate = new int[termCount];
        documentFrequencyWithDate.CopyTo(frequencyWithDate, 0);
        var newText = new Dictionary<int, List<(int, int)>>();
        var newDate = new Dictionary<int, List<(int, int)>>();
        long addedText = 0, addedDate = 0;
        var latest = Latest;
        for (var i = 0; i < added.Count; i++)
        {
            var position = Count + i;
            Collect(newText, added[i].Text, position);
            Collect(newDate, added[i].Date, position);
            foreach (var term in added[i].Text.TermIds.Union(added[i].Date.TermIds))
                frequencyWithDate[term]++;
            addedText += added[i].Text.Length;
            addedDate += added[i].Date.Length;
            if (latest is not { } known || added[i].Entry.Timestamp > known)
                latest = added[i].Entry.Timestamp;
        }

        foreach (var (term, postings) in newText)
            textPostings[term] = textPostings[term].Append(postings);
        foreach (var (term, postings) in newDate)
            datePostings[term] = datePostings[term].Append(postings);
        return new IndexSnapshot(vocabulary, [.. Memories, .. added], previous, next, textPostings, datePostings,
            frequencyWithDate, textTokens + addedText, dateTokens + addedDate, dimension, latest,
            [.. UtcTicks, .. added.Select(m => m.Entry.Timestamp.UtcTicks)], MergeNewestFirst(added));
    }

    // One merge per ingest: the order costs a copy of the index, as the other per-memory arrays do, not a sort.
    private int[] MergeNewestFirst(IReadOnlyList<IndexedMemory> added)
    {
        var addedOrder = Enumerable.Range(Count, added.Count).ToArray();
        var addedTicks = addedOrder.Select(p => added[p - Count].Entry.Timestamp.UtcTicks).ToArray();
        Array.Sort(addedTicks, addedOrder, Comparer<long>.Create((x, y) => y.CompareTo(x)));
        var merged = new int[Count + added.Count];
        int old = 0, fresh = 0;
        for (var i = 0; i < merged.Length; i++)
        {
            var takeOld = fresh == addedOrder.Length
                || (old < NewestFirst.Length && UtcTicks[NewestFirst[old]] >= addedTicks[fresh]);
            merged[i] = takeOld ? NewestFirst[old++] : addedOrder[fresh++];
        }

        return merged;
    }

    private static TermPostings[] Grow(TermPostings[] postings, int termCount)
    {
        var grown = new TermPostings[termCount];
        postings.CopyTo(grown, 0);
        grown.AsSpan(postings.Length).Fill(TermPostings.Empty);
        return grown;
    }

    private static void Collect(Dictionary<int, List<(int, int)>> postings, TermBag bag, int position)
    {
        for (var i = 0; i < bag.TermIds.Length; i++)
        {
            if (!postings.TryGetValue(bag.TermIds[i], out var list))
                postings[bag.TermIds[i]] = list = [];
            list.Add((position, bag.Counts[i]));
        }
    }
}
