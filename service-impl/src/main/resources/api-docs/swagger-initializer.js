// Kept out of index.html so the docs page works under a Content-Security-Policy without inline scripts.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api-docs/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
    persistAuthorization: false,
    withCredentials: true
  });
};
