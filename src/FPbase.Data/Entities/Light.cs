namespace FPbase.Data.Entities;

public class Light : Product
{
    public Spectrum? Spectrum { get; set; }
}
