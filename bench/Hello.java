/** The JVM floor: the cheapest Java program there is. */
public class Hello {
	public static void main(String[] args) {
		System.out.println("hello");
	}
}
