namespace FPbase.Caching.Versions;

/// <summary>Builds the stamp string from the store's epoch and the resources' tokens, in request order.</summary>
internal static class VersionStamp
{
    public static string Create(string epoch, IReadOnlyList<string> tokens)
    {
        var length = epoch.Length + tokens.Count;
        for (var i = 0; i < tokens.Count; i++)
        {
            length += tokens[i].Length;
        }

        return string.Create(length, (epoch, tokens), static (span, state) =>
        {
            state.epoch.AsSpan().CopyTo(span);
            var at = state.epoch.Length;
            foreach (var token in state.tokens)
            {
                span[at++] = '.';
                token.AsSpan().CopyTo(span[at..]);
                at += token.Length;
            }
        });
    }
}
