package com.abcdashboard.mapping;

import com.abcdashboard.api.model.ErrorCategoryDto;
import com.abcdashboard.domain.ErrorCategory;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** An error's category in the envelope: by constant name, checked when this compiles. */
@Mapper
public interface ErrorCategoryMapper {
    ErrorCategoryMapper INSTANCE = Mappers.getMapper(ErrorCategoryMapper.class);

    ErrorCategoryDto toDto(ErrorCategory category);
}
