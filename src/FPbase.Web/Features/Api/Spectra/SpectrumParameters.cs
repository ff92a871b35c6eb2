using FPbase.Caching;

namespace FPbase.Web.Features.Api;

/// <summary>The query parameters of <c>/api/spectrum/{id}/</c>: <c>format</c>, default <c>json</c>.</summary>
internal sealed class SpectrumParameters() : QueryParameters(ApiQuery.FormatParameter + "=" + ApiQuery.Json);
