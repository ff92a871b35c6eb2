using System.Text;

namespace FPbase.Caching.Edge;

/// <summary>
/// Resource names as surrogate keys: xkey splits its header on spaces and commas, so every byte outside a small safe
/// set is percent-encoded (the same on the response's <c>xkey</c> and the purge's <c>xkey-purge</c>). A purge's keys
/// go in batches of at most <see cref="MaxBatchLength"/> characters, well under Varnish's 8 KB header limit.
/// </summary>
internal static class EdgeKeys
{
    public const string ResponseHeader = "xkey";
    public const string PurgeHeader = "xkey-purge";
    public const string SurrogateControlHeader = "Surrogate-Control";
    public const int MaxBatchLength = 4000;

    public static string Encode(string resource)
    {
        var plain = true;
        foreach (var c in resource)
        {
            plain &= IsPlain(c);
        }

        if (plain)
        {
            return resource;
        }

        var builder = new StringBuilder(resource.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(resource))
        {
            if (b < 0x80 && IsPlain((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The response header's value: every resource, encoded, separated by spaces.</summary>
    public static string Join(IReadOnlyList<string> resources)
    {
        var builder = new StringBuilder();
        foreach (var resource in resources)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(Encode(resource));
        }

        return builder.ToString();
    }

    /// <summary>The purge's header values: the resources, encoded, in as few batches as <see cref="MaxBatchLength"/> allows.</summary>
    public static List<string> Batches(IEnumerable<string> resources)
    {
        var batches = new List<string>();
        var builder = new StringBuilder();
        foreach (var resource in resources)
        {
            var key = Encode(resource);
            if (builder.Length > 0 && builder.Length + 1 + key.Length > MaxBatchLength)
            {
                batches.Add(builder.ToString());
                builder.Clear();
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(key);
        }

        if (builder.Length > 0)
        {
            batches.Add(builder.ToString());
        }

        return batches;
    }

    // '%' is not plain, so an encoded key never equals another resource's plain name.
    private static bool IsPlain(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ':' or '*' or '.' or '_' or '-' or '~' or '/';
}
