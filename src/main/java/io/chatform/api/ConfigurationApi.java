package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Tag;

/**
 * The dumb wire: every Configuration API method is a POST of a JSON body. The answer is kept raw
 * ({@link ResponseBody}) so the engine, not a converter, decides what a non-JSON body means.
 */
interface ConfigurationApi {
  @POST("v{version}/configuration/action/{method}")
  Call<ResponseBody> call(
      @Path("version") String version,
      @Path("method") String method,
      @Body JsonNode body,
      @Header("X-Region") String region, // Retrofit omits the header when this is null
      @Tag AttemptTag attempt);

  /** Which logical call and attempt an HTTP exchange belongs to, for the debug line. */
  record AttemptTag(String method, int attempt) {}
}
