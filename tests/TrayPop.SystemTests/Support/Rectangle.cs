namespace TrayPop.SystemTests.Support;

internal readonly record struct Rectangle(int X, int Y, int Width, int Height);
