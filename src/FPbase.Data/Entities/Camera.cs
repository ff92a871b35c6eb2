namespace FPbase.Data.Entities;

public class Camera : Product
{
    public Spectrum? Spectrum { get; set; }
}
