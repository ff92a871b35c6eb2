using System.Linq.Expressions;
using FPbase.Data.Entities;

namespace FPbase.Web.Features.GraphQL.Loading;

/// <summary>The projection of a spectrum row to a <see cref="SpectrumNode"/> (no values column).</summary>
internal static class SpectrumNodes
{
    public static readonly Expression<Func<Spectrum, SpectrumNode>> Projection = s => new SpectrumNode(
        s.Id, s.Category, s.Subtype, s.MinWave, s.MaxWave, s.PeakWave, s.ScaleFactor, s.Ph, s.Solvent, s.Source,
        s.OwnerFluorId, s.OwnerFilterId, s.OwnerLightId, s.OwnerCameraId, s.ReferenceId);
}
