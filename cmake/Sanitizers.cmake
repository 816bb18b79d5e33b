# AddressSanitizer + UndefinedBehaviorSanitizer for the whole build (CI job).
if(HIPLAN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
