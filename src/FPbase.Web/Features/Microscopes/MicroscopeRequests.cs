using System.Text.Json.Serialization;
using FPbase.Web.Features.Editing;

namespace FPbase.Web.Features.Microscopes;

/// <summary>A microscope to create or replace: name (1-128 characters), description (up to 512), extra laser lines (300-1600 nm).</summary>
public sealed record MicroscopeRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("extra_lasers")] int[]? ExtraLasers = null);

/// <summary>
/// An optical config to create or replace: name (1-100), light and camera by slug (optional), a laser line
/// (300-1600 nm, optional), and its filters by slug with their path (ex, em, bs) and whether they reflect.
/// </summary>
public sealed record OpticalConfigRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("comments")] string? Comments = null,
    [property: JsonPropertyName("light")] string? Light = null,
    [property: JsonPropertyName("camera")] string? Camera = null,
    [property: JsonPropertyName("laser")] int? Laser = null,
    [property: JsonPropertyName("filters")] FilterPlacementRequest[]? Filters = null);

/// <summary>A filter in an optical config.</summary>
public sealed record FilterPlacementRequest(
    [property: JsonPropertyName("filter")] string? Filter,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("reflects")] bool Reflects = false);

/// <summary>A microscope as <c>/api/microscopes/{id}/</c> shows it (public: no user data).</summary>
public sealed record MicroscopeDetail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("extra_lasers")] IReadOnlyList<int> ExtraLasers,
    [property: JsonPropertyName("optical_configs")] IReadOnlyList<OpticalConfigDetail> OpticalConfigs);

/// <summary>An optical config of <see cref="MicroscopeDetail"/>.</summary>
public sealed record OpticalConfigDetail(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("comments")] string Comments,
    [property: JsonPropertyName("light")] string? Light,
    [property: JsonPropertyName("camera")] string? Camera,
    [property: JsonPropertyName("laser")] int? Laser,
    [property: JsonPropertyName("filters")] IReadOnlyList<FilterPlacementDetail> Filters);

/// <summary>A filter placement of <see cref="OpticalConfigDetail"/>.</summary>
public sealed record FilterPlacementDetail(
    [property: JsonPropertyName("filter")] string Filter,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("reflects")] bool Reflects);
