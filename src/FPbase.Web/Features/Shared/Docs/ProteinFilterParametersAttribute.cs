using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Shared.Docs;

/// <summary>Marks an action that takes FPbase's protein filters, so the OpenAPI document lists them.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ProteinFilterParametersAttribute : Attribute
{
    /// <summary>Whether <c>?format=csv</c> is served too.</summary>
    public bool Csv { get; set; }
}
