using System.Runtime.CompilerServices;

// The tokenizer, stemmer and normal CDF are internal details that still deserve direct tests.
[assembly: InternalsVisibleTo("SelfLearn.Agents.Tests")]
