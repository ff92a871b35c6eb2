namespace FPbase.Web.Features.Microscopes.OpticalConfigs;

/// <summary>One optical config as FPbase lists it.</summary>
public sealed record OpticalConfigListItem(int Id, string Name, string Comments, MicroscopeRef Microscope);

public sealed record MicroscopeRef(string Id, string Name);

/// <summary><c>{"data":{"opticalConfigs":[...]}}</c>, FPbase's shape.</summary>
public sealed record OpticalConfigListResponse(OpticalConfigListData Data);

public sealed record OpticalConfigListData(IReadOnlyList<OpticalConfigListItem> OpticalConfigs);
