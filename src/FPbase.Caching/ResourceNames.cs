namespace FPbase.Caching;

/// <summary>Conventions for resource names shared by the dependency map and the endpoints.</summary>
public static class ResourceNames
{
    /// <summary>
    /// The resource a per-row family depends on as a whole: <c>protein</c> gives <c>protein:*</c>.
    /// Set-based writes (ExecuteUpdate, ExecuteDelete, raw SQL), which cannot say which rows they
    /// changed, bump it; every <c>protein:{id}</c> response depends on it.
    /// </summary>
    public static string FamilyOf(string prefix) => prefix + ":*";

    /// <summary>A per-row resource: <c>Row("protein", "EGFP")</c> gives <c>protein:egfp</c>.</summary>
    public static string Row(string prefix, object key)
        => prefix + ":" + Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant();
}
