namespace FPbase.Data.Domain;

/// <summary>
/// FPbase's excerpt links: in a quoted excerpt, every protein name or alias becomes a link to its page, and the names
/// of the page's own protein are set in bold instead. The rule is FPbase's (<c>link_excerpts</c>): a name of two
/// characters or more, case as written, that follows whitespace or an opening parenthesis and is not followed by one
/// character and a digit ("EGFP" in "mEGFP" or in "EGFP-1" stays text); where names overlap the longest wins. An alias
/// that is spelled like another protein's name points where FPbase points it: to the alias's protein.
/// </summary>
/// <remarks>
/// Built once per version of the protein list, then shared: the names are a character trie, so one pass over an
/// excerpt tries every name at once (FPbase runs one regular expression per name over every excerpt).
/// </remarks>
public sealed class ProteinNameLinker
{
    private readonly Node _root = new();

    /// <param name="names">Names and aliases with the slug each links to; a later entry for the same text wins.</param>
    public ProteinNameLinker(IEnumerable<(string Name, string Slug)> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var (name, slug) in names)
        {
            if (name is not { Length: > 1 } || string.IsNullOrEmpty(slug))
            {
                continue;
            }

            var node = _root;
            foreach (var c in name)
            {
                node.Children ??= [];
                if (!node.Children.TryGetValue(c, out var next))
                {
                    node.Children[c] = next = new Node();
                }

                node = next;
            }

            node.Slug = slug;
        }
    }

    /// <summary>A linker that links nothing.</summary>
    public static ProteinNameLinker Empty { get; } = new([]);

    /// <summary>
    /// <paramref name="text"/> cut into plain text, links and own names, in order; together they are the text.
    /// <paramref name="ownSlug"/> is the slug of the page's protein: its names are marked, not linked.
    /// </summary>
    public IReadOnlyList<ExcerptSegment> Link(string text, string? ownSlug = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<ExcerptSegment>();
        var plainFrom = 0;
        for (var at = 1; at < text.Length; at++)
        {
            if (!char.IsWhiteSpace(text[at - 1]) && text[at - 1] != '(')
            {
                continue;
            }

            var (end, slug) = LongestMatch(text, at);
            if (slug is null)
            {
                continue;
            }

            if (at > plainFrom)
            {
                segments.Add(new ExcerptSegment(text[plainFrom..at], null, false));
            }

            segments.Add(new ExcerptSegment(text[at..end], slug, string.Equals(slug, ownSlug, StringComparison.Ordinal)));
            plainFrom = end;
            at = end - 1;
        }

        if (plainFrom < text.Length)
        {
            segments.Add(new ExcerptSegment(text[plainFrom..], null, false));
        }

        return segments;
    }

    /// <summary>The end and slug of the longest name at <paramref name="start"/> that FPbase's rule lets stand.</summary>
    private (int End, string? Slug) LongestMatch(string text, int start)
    {
        (int End, string? Slug) best = (0, null);
        var node = _root;
        for (var i = start; i < text.Length && node.Children is not null && node.Children.TryGetValue(text[i], out var next); i++)
        {
            node = next;
            var end = i + 1;
            var followedByCharAndDigit = end + 1 < text.Length && text[end] != '\n' && char.IsAsciiDigit(text[end + 1]);
            if (node.Slug is not null && !followedByCharAndDigit)
            {
                best = (end, node.Slug);
            }
        }

        return best;
    }

    private sealed class Node
    {
        public Dictionary<char, Node>? Children;
        public string? Slug;
    }
}

/// <summary>A piece of an excerpt: plain text (<see cref="Slug"/> null), a link to a protein, or the page's own protein.</summary>
public readonly record struct ExcerptSegment(string Text, string? Slug, bool Own);
