using System.Runtime.CompilerServices;

// The tokenizer, stemmer and normal CDF are internal details that still deserve direct tests.
[assembly: InternalsVisibleTo("SelfLearn.Agents.Tests")]

// The large-memories benchmark times the dense stage alone, exact scan against the HNSW index.
[assembly: InternalsVisibleTo("SelfLearn.Benchmarks.Student")]
