/** The catalogue API: the models on offer for everyone signed in, their files for enrolled workers, admin upload, registration and retirement. */
package com.computemarket.catalogue.api;
