using System.Text.Json.Serialization;
using FPbase.Web.Features.Editing;

namespace FPbase.Web.Features.Proteins.Editing;

/// <summary>One revision in <c>GET /api/proteins/{slug}/revisions/</c> (newest first): who, when, what, with the snapshots.</summary>
public sealed record RevisionItem(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("created")] DateTime Created,
    [property: JsonPropertyName("reverted_from")] int? RevertedFrom,
    [property: JsonPropertyName("before")] System.Text.Json.JsonElement Before,
    [property: JsonPropertyName("after")] System.Text.Json.JsonElement After);
