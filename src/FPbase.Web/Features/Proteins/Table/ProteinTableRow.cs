using FPbase.Data.Entities;

namespace FPbase.Web.Features.Proteins.Table;

/// <summary>One row of FPbase's protein table: a visible protein and one of its states (the default first, then the others).</summary>
public sealed record ProteinTableRow(
    string Name,
    string Slug,
    string State,
    bool IsDefaultState,
    int? ExMax,
    int? EmMax,
    string EmHex,
    int? ExtCoeff,
    double? Qy,
    double? Brightness,
    double? Pka,
    double? Maturation,
    Aggregation? Agg,
    SwitchType? SwitchType);
